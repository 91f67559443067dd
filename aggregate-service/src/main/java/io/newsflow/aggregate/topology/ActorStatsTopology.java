package io.newsflow.aggregate.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * enriched articles (a table keyed by article id) -> {@link ContributionDiffer}: the change of
 * the article's contribution to each actor, one record per partition of those actors -> one
 * repartition ({@link ActorPartitioner}) -> {@link ActorStatsAggregator} subtracts the
 * contribution before and adds the one after on each of its actors' {@link ActorAccumulator}
 * (store {@value #STATS_STORE}, kept decoded between commits by {@link ActorStatsStore}) ->
 * each changed actor's {@code ActorStats} on the compacted stats topic, once per emit interval.
 *
 * <p>This is the adder/subtractor aggregation of a KTable, with the table's old and new values
 * computed where the article's key already lives: a repeated article changes nothing, a
 * corrected article replaces its contribution, and an actor the correction no longer names is
 * retracted. Kafka's own {@code KTable.groupBy} would need a table of (actor, article)
 * contributions first, so every contribution would cross two repartition topics instead of one;
 * and its aggregation decodes and re-encodes the whole accumulator on every update.
 */
public final class ActorStatsTopology {

  public static final String STATS_STORE = "actor-stats";
  public static final int TOP_CO_ACTORS = 20;

  private ActorStatsTopology() {}

  /**
   * The topology over {@code partitions} partitions of per-actor state (the enriched topic's
   * count: a changed count needs a new application id, as actors would move between partitions).
   */
  public static Topology build(Topics topics, int partitions, Duration timelineRetention, Clock clock, MeterRegistry metrics) {
    Counter aggregated = Counter.builder("newsflow_aggregate_records_aggregated")
        .description("Contributions added to actor statistics").register(metrics);
    Timer endToEnd = Timer.builder("newsflow_aggregate_end_to_end_latency")
        .description("From ingestion to the actor's statistics going out").publishPercentiles(0.5, 0.95, 0.99).register(metrics);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ContributionDiffer.STORE),
        Serdes.String(), InternalFormats.ARTICLE_CONTRIBUTIONS));
    builder.addStateStore(ActorStatsStore.builder(STATS_STORE));

    builder.stream(topics.enriched(), Consumed.with(Serdes.String(), AvroSerde.enrichedArticle()))
        .process(() -> new ContributionDiffer(partitions), ContributionDiffer.STORE)
        .repartition(Repartitioned.<String, ArticleChange>as("by-actor").withNumberOfPartitions(partitions)
            .withStreamPartitioner(new ActorPartitioner())
            .withKeySerde(Serdes.String()).withValueSerde(InternalFormats.ARTICLE_CHANGE))
        .process(() -> new ActorStatsAggregator(timelineRetention, clock, aggregated, endToEnd), STATS_STORE)
        .to(topics.actorStats(), Produced.with(Serdes.String(), AvroSerde.actorStats()));
    return builder.build();
  }

  /** Whether an accumulator read from the store still describes an actor someone names. */
  public static boolean present(ActorAccumulator acc) {
    return acc != null && !acc.isEmpty();
  }
}
