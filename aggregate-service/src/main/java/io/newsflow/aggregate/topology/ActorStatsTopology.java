package io.newsflow.aggregate.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * enriched articles (a table keyed by article id) -> {@link ContributionDiffer}: per actor, the
 * change of that article's contribution -> one repartition by actor -> aggregated into
 * {@link ActorAccumulator} (store {@value #STATS_STORE}) by subtracting the contribution before
 * and adding the one after -> {@code ActorStats} on the compacted stats topic.
 *
 * <p>This is the adder/subtractor aggregation of a KTable, with the table's old and new values
 * computed where the article's key already lives: a repeated article changes nothing, a
 * corrected article replaces its contribution, and an actor the correction no longer names is
 * retracted. Kafka's own {@code KTable.groupBy} would need a table of (actor, article)
 * contributions first, so every contribution would cross two repartition topics instead of one.
 */
public final class ActorStatsTopology {

  public static final String STATS_STORE = "actor-stats";
  public static final int TOP_CO_ACTORS = 20;

  private ActorStatsTopology() {}

  public static Topology build(Topics topics, Duration timelineRetention, Clock clock, MeterRegistry metrics) {
    Counter aggregated = Counter.builder("newsflow_aggregate_records_aggregated")
        .description("Contributions added to actor statistics").register(metrics);
    Timer endToEnd = Timer.builder("newsflow_aggregate_end_to_end_latency")
        .description("From ingestion to the actor-stats update").publishPercentiles(0.5, 0.95, 0.99).register(metrics);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ContributionDiffer.STORE),
        Serdes.String(), new SmileSerde<>(ContributionDiffer.ArticleContributions.class)));

    KTable<String, ActorAccumulator> stats = builder
        .stream(topics.enriched(), Consumed.with(Serdes.String(), AvroSerde.enrichedArticle()))
        .process(ContributionDiffer::new, ContributionDiffer.STORE)
        .groupByKey(Grouped.with("by-actor", Serdes.String(), new SmileSerde<>(ContributionChange.class)))
        .aggregate(ActorAccumulator::new,
            (actor, change, acc) -> {
              long now = clock.millis();
              if (change.before() != null) {
                acc.subtract(change.before(), now);
              }
              if (change.after() != null) {
                aggregated.increment();
                endToEnd.record(Duration.ofMillis(Math.max(0, now - change.after().ingestedAt())));
                acc.add(change.after(), now - timelineRetention.toMillis(), now);
              }
              return acc;
            },
            Materialized.<String, ActorAccumulator, KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(new SmileSerde<>(ActorAccumulator.class)));

    stats.toStream()
        .mapValues(acc -> acc == null ? null : acc.toStats(TOP_CO_ACTORS))
        .to(topics.actorStats(), Produced.with(Serdes.String(), AvroSerde.actorStats()));
    return builder.build();
  }

  /** Whether an accumulator read from the store still describes an actor someone names. */
  public static boolean present(ActorAccumulator acc) {
    return acc != null && !acc.isEmpty();
  }
}
