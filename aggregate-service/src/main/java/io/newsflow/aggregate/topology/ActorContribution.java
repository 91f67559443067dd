package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import java.util.Map;

/**
 * What one article contributes to one actor's statistics: the unit the aggregation adds and,
 * when the article is corrected or deleted, subtracts again. {@code figures} holds, per casualty
 * type, the article's report of it: its highest figure of that type reported as fact. Its
 * co-actors are the other actors the article names ({@link ArticleChange}).
 */
public record ActorContribution(String actorId, String name, ActorType type, String affiliation, String articleId,
    long seenAt, long ingestedAt, int mentions, Map<CasualtyType, Figure> figures) {

  /** Equal but for when it was ingested: re-ingesting an unchanged article is no change. */
  public boolean sameFacts(ActorContribution other) {
    return equals(new ActorContribution(other.actorId, other.name, other.type, other.affiliation, other.articleId,
        other.seenAt, ingestedAt, other.mentions, other.figures));
  }
}
