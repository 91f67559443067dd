package io.newsflow.aggregate.topology;

import java.util.List;

/**
 * What one version of an article changed for the actors of one partition: the actors it named
 * before and names now (each contribution's co-actors are the others), and the change of each
 * of that partition's actors whose contribution differs. An article's changes cross the
 * repartition topic once per partition that holds one of its actors ({@link ActorPartitioner}),
 * not once per actor: an article naming n actors would otherwise carry n lists of n - 1 co-actors.
 */
public record ArticleChange(List<NamedActor> namedBefore, List<NamedActor> namedAfter, List<ContributionChange> changes) {}
