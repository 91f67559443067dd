package io.newsflow.aggregate.topology;

/**
 * How one article's contribution to one actor changed: {@code before} is what was added last
 * time (null for a first sighting), {@code after} what replaces it (null for a retraction).
 */
public record ContributionChange(ActorContribution before, ActorContribution after) {

  String actorId() {
    return after != null ? after.actorId() : before.actorId();
  }
}
