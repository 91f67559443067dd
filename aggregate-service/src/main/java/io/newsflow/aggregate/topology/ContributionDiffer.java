package io.newsflow.aggregate.topology;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Location;
import io.newsflow.schema.Realis;
import java.time.Instant;
import java.util.ArrayList;
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
 * changes of actors' contributions: it keeps each article's contributions (store {@value #STORE})
 * and, when a version of the article arrives, forwards the pair (before, after) of every actor
 * whose contribution differs, as one {@link ArticleChange} per partition of those actors. A repeat forwards nothing; a
 * correction forwards the actors it changed, including a retraction for each actor it no longer
 * names (and every actor, when the set of actors named changed: their co-actors did); a tombstone
 * retracts them all. Downstream subtracts "before" and adds "after". The countries and regions
 * the article's figures happened in get contributions too, keyed {@code place:<id>}: the same
 * statistics, kept the same way, for places.
 */
public final class ContributionDiffer implements Processor<String, EnrichedArticle, String, ArticleChange> {

  public static final String STORE = "article-contributions";

  /** What an article contributed last time, as kept in the store: the actors it named and each one's contribution. */
  public record ArticleContributions(List<NamedActor> named, List<ActorContribution> contributions) {}

  private final int partitions;
  private ProcessorContext<String, ArticleChange> context;
  private KeyValueStore<String, ArticleContributions> previous;

  /** Splits an article's changes among {@code partitions} partitions of actor statistics. */
  public ContributionDiffer(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, ArticleChange> context) {
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
    List<NamedActor> namedBefore = stored == null ? List.of() : stored.named();
    Map<String, ActorContribution> before = new HashMap<>();
    if (stored != null) {
      stored.contributions().forEach(c -> before.put(c.actorId(), c));
    }
    List<NamedActor> namedAfter = record.value() == null ? List.of() : named(record.value());
    Map<String, ActorContribution> after = new LinkedHashMap<>();
    if (record.value() != null) {
      for (Actor actor : record.value().getActors()) {
        after.putIfAbsent(actor.getId(), contribution(record.value(), actor)); // an actor listed twice counts once
      }
      placeContributions(record.value()).forEach(p -> after.put(p.actorId(), p));
    }
    boolean sameActors = namedBefore.equals(namedAfter);
    Map<Integer, List<ContributionChange>> byPartition = new TreeMap<>();
    for (ActorContribution now : after.values()) {
      ActorContribution then = before.remove(now.actorId());
      if (then == null || !sameActors || !then.sameFacts(now)) {
        changeIn(byPartition, new ContributionChange(then, now));
      }
    }
    before.values().forEach(gone -> changeIn(byPartition, new ContributionChange(gone, null)));
    if (byPartition.isEmpty()) {
      return; // a repeat: the store already holds these facts
    }
    byPartition.values().forEach(changes -> context.forward(record.withValue(new ArticleChange(namedBefore, namedAfter, changes))));
    if (after.isEmpty()) {
      previous.delete(articleId);
    } else {
      previous.put(articleId, new ArticleContributions(namedAfter, List.copyOf(after.values())));
    }
  }

  private void changeIn(Map<Integer, List<ContributionChange>> byPartition, ContributionChange change) {
    byPartition.computeIfAbsent(ActorPartitioner.partitionOf(change.actorId(), partitions), p -> new ArrayList<>()).add(change);
  }

  /** Every actor the article names, once each, in order. */
  static List<NamedActor> named(EnrichedArticle article) {
    return article.getActors().stream().map(a -> new NamedActor(a.getId(), a.getName())).distinct().toList();
  }

  static ActorContribution contribution(EnrichedArticle article, Actor actor) {
    long seenAt = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getIngestedAt()).toEpochMilli();
    Map<CasualtyType, Figure> figures = new TreeMap<>();
    for (CasualtyFigure f : article.getCasualties()) {
      if (actor.getId().equals(f.getActor()) && f.getRealis() == Realis.ACTUAL) {
        figures.merge(f.getType(), figure(article, f, seenAt), (a, b) -> a.value() >= b.value() ? a : b); // one report per type
      }
    }
    return new ActorContribution(actor.getId(), actor.getName(), actor.getType(), actor.getAffiliation(), article.getId(),
        seenAt, article.getIngestedAt().toEpochMilli(), actor.getMentions(), figures);
  }

  private static Figure figure(EnrichedArticle article, CasualtyFigure f, long seenAt) {
    return new Figure(f.getValue(), f.getQualifier(), f.getValueMin(), f.getValueMax(), f.getClaimedBy(), article.getId(),
        Instant.ofEpochMilli(seenAt), f.getText(), article.getUrl(), Figure.outletOf(article.getUrl()), f.getEventDate(),
        f.getEventDateEnd(), Place.of(f.getLocation()));
  }

  /**
   * What the article contributes to the statistics of each country and region its figures
   * (reported as fact) happened in, keyed {@code place:<id>} beside the actors: per casualty type
   * its highest figure there, whoever's people they were. {@code mentions} counts those figures.
   */
  static List<ActorContribution> placeContributions(EnrichedArticle article) {
    long seenAt = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getIngestedAt()).toEpochMilli();
    Map<String, List<CasualtyFigure>> byPlace = new TreeMap<>();
    record Named(String name, String countryId) {} // a region's country is its affiliation; a country has none
    Map<String, Named> names = new HashMap<>();
    for (CasualtyFigure f : article.getCasualties()) {
      Location where = f.getLocation();
      if (where != null && f.getRealis() == Realis.ACTUAL) {
        byPlace.computeIfAbsent(where.getCountryId(), k -> new ArrayList<>()).add(f);
        names.put(where.getCountryId(), new Named(where.getCountryName(), null));
        if (where.getRegionId() != null) {
          byPlace.computeIfAbsent(where.getRegionId(), k -> new ArrayList<>()).add(f);
          names.put(where.getRegionId(), new Named(where.getRegionName(), where.getCountryId()));
        }
      }
    }
    List<ActorContribution> contributions = new ArrayList<>();
    byPlace.forEach((placeId, located) -> {
      Map<CasualtyType, Figure> figures = new TreeMap<>();
      located.forEach(f -> figures.merge(f.getType(), figure(article, f, seenAt), (a, b) -> a.value() >= b.value() ? a : b));
      Named named = names.get(placeId);
      contributions.add(new ActorContribution(Place.KEY_PREFIX + placeId, named.name(), null, named.countryId(), article.getId(), seenAt,
          article.getIngestedAt().toEpochMilli(), located.size(), figures));
    });
    return contributions;
  }

}
