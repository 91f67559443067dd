package io.newsflow.aggregate.topology;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Realis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One enriched article in, one contribution per actor out, keyed {@code actorId|articleId}.
 * It remembers which actors each article contributed to, so a corrected article that no longer
 * names an actor (or a deleted article) retracts that contribution with a tombstone.
 */
public final class ContributionSplitter implements Processor<String, EnrichedArticle, String, ActorContribution> {

  public static final String STORE = "article-actors";
  static final char SEPARATOR = '|';

  /** The actor ids an article contributed to, as kept in the store. */
  public record ActorIds(List<String> ids) {}

  private ProcessorContext<String, ActorContribution> context;
  private KeyValueStore<String, ActorIds> previous;

  @Override
  public void init(ProcessorContext<String, ActorContribution> context) {
    this.context = context;
    this.previous = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    String articleId = record.key();
    if (articleId == null) {
      return;
    }
    ActorIds before = previous.get(articleId);
    Set<String> now = new LinkedHashSet<>();
    EnrichedArticle article = record.value();
    if (article != null) {
      for (Actor actor : article.getActors()) {
        now.add(actor.getId());
        context.forward(record.withKey(actor.getId() + SEPARATOR + articleId).withValue(contribution(article, actor)));
      }
    }
    if (before != null) {
      for (String gone : before.ids()) {
        if (!now.contains(gone)) {
          context.forward(record.withKey(gone + SEPARATOR + articleId).withValue(null));
        }
      }
    }
    if (now.isEmpty()) {
      previous.delete(articleId);
    } else {
      previous.put(articleId, new ActorIds(List.copyOf(now)));
    }
  }

  static ActorContribution contribution(EnrichedArticle article, Actor actor) {
    long seenAt = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getIngestedAt()).toEpochMilli();
    List<ActorContribution.CoActorRef> coActors = article.getActors().stream().filter(a -> !a.getId().equals(actor.getId()))
        .map(a -> new ActorContribution.CoActorRef(a.getId(), a.getName())).toList();
    List<ActorContribution.Figure> figures = new ArrayList<>();
    for (CasualtyFigure f : article.getCasualties()) {
      if (actor.getId().equals(f.getActor()) && f.getRealis() == Realis.ACTUAL) {
        figures.add(new ActorContribution.Figure(f.getType(), f.getValue(), f.getQualifier(), f.getValueMin(),
            f.getValueMax(), f.getClaimedBy(), f.getText()));
      }
    }
    return new ActorContribution(actor.getId(), actor.getName(), actor.getType(), actor.getAffiliation(), article.getId(),
        seenAt, article.getIngestedAt().toEpochMilli(), actor.getMentions(), coActors, figures);
  }
}
