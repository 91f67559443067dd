package io.newsflow.aggregate.topology;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Realis;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The table of enriched articles, keyed by article id as the topic already is, turned into
 * changes per actor: it keeps each article's contributions (store {@value #STORE}) and, when a
 * version of the article arrives, forwards for every actor whose contribution differs the pair
 * (before, after), keyed by actor id. A repeat forwards nothing; a correction forwards the
 * actors it changed, including a retraction for each actor it no longer names; a tombstone
 * retracts them all. Downstream subtracts "before" and adds "after".
 */
public final class ContributionDiffer implements Processor<String, EnrichedArticle, String, ContributionChange> {

  public static final String STORE = "article-contributions";

  /**
   * What an article contributed last time, as kept in the store: the actors it named and each
   * one's contribution without its co-actors (they are the other actors named), so an article
   * naming n actors stores n contributions, not n times n co-actors.
   */
  public record ArticleContributions(List<ActorContribution.CoActorRef> named, List<ActorContribution> contributions) {

    static ArticleContributions of(List<ActorContribution.CoActorRef> named, Collection<ActorContribution> full) {
      return new ArticleContributions(named, full.stream().map(c -> c.withCoActors(List.of())).toList());
    }

    /** The contributions as they were added, co-actors included. */
    List<ActorContribution> expanded() {
      return contributions.stream().map(c -> c.withCoActors(coActorsOf(named, c.actorId()))).toList();
    }
  }

  private ProcessorContext<String, ContributionChange> context;
  private KeyValueStore<String, ArticleContributions> previous;

  @Override
  public void init(ProcessorContext<String, ContributionChange> context) {
    this.context = context;
    this.previous = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    String articleId = record.key();
    if (articleId == null) {
      return;
    }
    ArticleContributions stored = previous.get(articleId);
    Map<String, ActorContribution> before = new HashMap<>();
    if (stored != null) {
      stored.expanded().forEach(c -> before.put(c.actorId(), c));
    }
    Map<String, ActorContribution> after = new LinkedHashMap<>();
    List<ActorContribution.CoActorRef> named = record.value() == null ? List.of() : named(record.value());
    if (record.value() != null) {
      for (Actor actor : record.value().getActors()) {
        if (!after.containsKey(actor.getId())) { // an actor listed twice counts once
          after.put(actor.getId(), contribution(record.value(), actor, coActorsOf(named, actor.getId())));
        }
      }
    }
    boolean changed = false;
    for (ActorContribution now : after.values()) {
      ActorContribution then = before.remove(now.actorId());
      if (then == null || !then.sameFacts(now)) {
        context.forward(record.withKey(now.actorId()).withValue(new ContributionChange(then, now)));
        changed = true;
      }
    }
    for (ActorContribution gone : before.values()) {
      context.forward(record.withKey(gone.actorId()).withValue(new ContributionChange(gone, null)));
      changed = true;
    }
    if (!changed) {
      return; // a repeat: the store already holds these facts
    }
    if (after.isEmpty()) {
      previous.delete(articleId);
    } else {
      previous.put(articleId, ArticleContributions.of(named, after.values()));
    }
  }

  /** Every actor the article names, once each, in order. */
  static List<ActorContribution.CoActorRef> named(EnrichedArticle article) {
    return article.getActors().stream().map(a -> new ActorContribution.CoActorRef(a.getId(), a.getName())).distinct().toList();
  }

  static List<ActorContribution.CoActorRef> coActorsOf(List<ActorContribution.CoActorRef> named, String actorId) {
    return named.stream().filter(a -> !a.id().equals(actorId)).toList();
  }

  static ActorContribution contribution(EnrichedArticle article, Actor actor, List<ActorContribution.CoActorRef> coActors) {
    long seenAt = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getIngestedAt()).toEpochMilli();
    Map<CasualtyType, Figure> figures = new TreeMap<>();
    for (CasualtyFigure f : article.getCasualties()) {
      if (actor.getId().equals(f.getActor()) && f.getRealis() == Realis.ACTUAL) {
        Figure figure = new Figure(f.getValue(), f.getQualifier(), f.getValueMin(), f.getValueMax(), f.getClaimedBy(),
            article.getId(), Instant.ofEpochMilli(seenAt), f.getText());
        figures.merge(f.getType(), figure, (a, b) -> a.value() >= b.value() ? a : b); // one report per type
      }
    }
    return new ActorContribution(actor.getId(), actor.getName(), actor.getType(), actor.getAffiliation(), article.getId(),
        seenAt, article.getIngestedAt().toEpochMilli(), actor.getMentions(), coActors, figures);
  }
}
