package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import java.util.List;
import java.util.Map;

/**
 * What one article contributes to one actor's statistics: the unit the aggregation adds and,
 * when the article is corrected or deleted, subtracts again. {@code figures} holds, per casualty
 * type, the article's report of it: its highest figure of that type reported as fact.
 */
public record ActorContribution(String actorId, String name, ActorType type, String affiliation, String articleId,
    long seenAt, long ingestedAt, int mentions, List<CoActorRef> coActors, Map<CasualtyType, Figure> figures) {

  /** Equal but for when it was ingested: re-ingesting an unchanged article is no change. */
  public boolean sameFacts(ActorContribution other) {
    return equals(new ActorContribution(other.actorId, other.name, other.type, other.affiliation, other.articleId,
        other.seenAt, ingestedAt, other.mentions, other.coActors, other.figures));
  }

  /** The same contribution with other co-actors. */
  public ActorContribution withCoActors(List<CoActorRef> others) {
    return new ActorContribution(actorId, name, type, affiliation, articleId, seenAt, ingestedAt, mentions, others, figures);
  }

  /** Another actor the same article names. */
  public record CoActorRef(String id, String name) {}

}
