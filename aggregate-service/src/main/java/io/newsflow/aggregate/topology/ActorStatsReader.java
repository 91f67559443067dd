package io.newsflow.aggregate.topology;

import java.util.List;

/** Read access to the actors' statistics, for interactive queries: the state as of the last commit. */
public interface ActorStatsReader {

  /** The actor's statistics, or null when no article names it. */
  ActorAccumulator get(String actorId);

  /** Every actor's totals and extremes (no figures, co-actors or days): what a list of actors shows. */
  List<ActorAccumulator> allTotals();
}
