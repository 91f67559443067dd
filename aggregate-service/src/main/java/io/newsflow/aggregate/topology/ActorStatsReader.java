package io.newsflow.aggregate.topology;

import io.newsflow.schema.CasualtyType;
import java.util.List;

/** Read access to the actors' statistics, for interactive queries: the state as of the last commit. */
public interface ActorStatsReader {

  /** The actor's statistics, or null when no article names it. */
  ActorAccumulator get(String actorId);

  /** Every actor's totals and extremes (no figures, co-actors or days): what a list of actors shows. */
  List<ActorAccumulator> allTotals();

  /** The history of the actor's reported figures (of {@code type}, or every type when null), oldest first per type. */
  List<Report> reports(String actorId, CasualtyType type);
}
