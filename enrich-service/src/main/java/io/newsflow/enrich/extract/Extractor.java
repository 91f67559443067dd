package io.newsflow.enrich.extract;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns article text into actors and casualty figures. Deterministic, no I/O, no Kafka.
 * Thread-safe: each thread reuses its own working buffers, so extraction allocates little
 * beyond its results.
 */
public final class Extractor {

  /** Bumped whenever extraction rules or data change what comes out for the same text. */
  public static final String VERSION = "2.2.0";

  private final Gazetteer gazetteer;
  private final ThreadLocal<Workspace> workspaces;

  public Extractor() {
    this(Gazetteer.standard(), Lexicon.standard());
  }

  Extractor(Gazetteer gazetteer, Lexicon lexicon) {
    this.gazetteer = gazetteer;
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(gazetteer, lexicon));
  }

  /** What the text says, with no publication day: relative dates ("on Monday") stay unresolved. */
  public Extraction extract(String text) {
    return extract(text, null, false);
  }

  /** What the text says, its dates resolved against the day it was {@code published} (UTC). */
  public Extraction extract(String text, LocalDate published) {
    return extract(text, published, false);
  }

  /** As {@link #extract(String)}, with the rules that decided each figure ({@code --explain}). */
  public Extraction explain(String text) {
    return extract(text, null, true);
  }

  /** As {@link #extract(String, LocalDate)}, with the rules that decided each figure ({@code --explain}). */
  public Extraction explain(String text, LocalDate published) {
    return extract(text, published, true);
  }

  private Extraction extract(String text, LocalDate published, boolean explain) {
    Workspace ws = workspaces.get();
    ws.matcher.match(text, ws.mentions);
    ws.tokens.tokenize(text);
    List<CasualtyFigure> casualties = new ArrayList<>();
    List<FigureExplanation> explanations = explain ? new ArrayList<>() : null;
    ws.casualties.extract(text, ws.tokens, ws.mentions, published, casualties, explanations);
    return new Extraction(actors(ws.mentions), casualties, explanations == null ? List.of() : explanations);
  }

  private List<Actor> actors(ActorMentions mentions) {
    Map<Integer, Actor> byActor = new LinkedHashMap<>();
    for (int m = 0; m < mentions.size(); m++) {
      Actor actor = byActor.computeIfAbsent(mentions.actor(m), index -> {
        ActorEntry entry = gazetteer.actor(index);
        return new Actor(entry.id(), entry.name(), entry.type(), entry.affiliation(), 0, new ArrayList<>());
      });
      actor.setMentions(actor.getMentions() + 1);
      actor.getSpans().add(new Span(mentions.start(m), mentions.end(m)));
    }
    return new ArrayList<>(byActor.values());
  }

  /** Per-thread buffers: the automaton's candidates, tokens, mentions. */
  private static final class Workspace {
    final ActorMatcher matcher;
    final ActorMentions mentions = new ActorMentions();
    final Tokens tokens;
    final CasualtyExtractor casualties;

    Workspace(Gazetteer gazetteer, Lexicon lexicon) {
      matcher = new ActorMatcher(gazetteer);
      tokens = new Tokens(lexicon);
      casualties = new CasualtyExtractor(lexicon, gazetteer);
    }
  }
}
