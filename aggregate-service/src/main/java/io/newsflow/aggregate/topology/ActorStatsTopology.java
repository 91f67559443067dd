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
import org.apache.kafka.streams.KeyValue;
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
 * enriched articles -> one contribution per (actor, article) -> a table of contributions ->
 * grouped by actor and aggregated with an adder and a subtractor into {@link ActorAccumulator}
 * (store {@value #STATS_STORE}) -> {@code ActorStats} on the compacted stats topic.
 *
 * <p>Because the contributions form a table keyed by actor and article, a repeated article
 * replaces its own earlier contribution (subtract old, add new: no change), a corrected article
 * replaces it with the new one, and an actor the correction no longer names is retracted.
 */
public final class ActorStatsTopology {

  public static final String STATS_STORE = "actor-stats";
  public static final String CONTRIBUTIONS_STORE = "actor-contributions";
  public static final int TOP_CO_ACTORS = 20;

  private ActorStatsTopology() {}

  public static Topology build(Topics topics, Duration timelineRetention, Clock clock, MeterRegistry metrics) {
    Counter aggregated = Counter.builder("newsflow_aggregate_records_aggregated")
        .description("Contributions added to actor statistics").register(metrics);
    Timer endToEnd = Timer.builder("newsflow_aggregate_end_to_end_latency")
        .description("From ingestion to the actor-stats update").publishPercentiles(0.5, 0.95, 0.99).register(metrics);
    SmileSerde<ActorContribution> contributionSerde = new SmileSerde<>(ActorContribution.class);
    SmileSerde<ActorAccumulator> accumulatorSerde = new SmileSerde<>(ActorAccumulator.class);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ContributionSplitter.STORE),
        Serdes.String(), new SmileSerde<>(ContributionSplitter.ActorIds.class)));

    KTable<String, ActorContribution> contributions = builder
        .stream(topics.enriched(), Consumed.with(Serdes.String(), AvroSerde.enrichedArticle()))
        .process(ContributionSplitter::new, ContributionSplitter.STORE)
        .toTable(Materialized.<String, ActorContribution, KeyValueStore<Bytes, byte[]>>as(CONTRIBUTIONS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(contributionSerde));

    KTable<String, ActorAccumulator> stats = contributions
        .groupBy((key, c) -> KeyValue.pair(c.actorId(), c), Grouped.with("by-actor", Serdes.String(), contributionSerde))
        .aggregate(ActorAccumulator::new,
            (actor, c, acc) -> {
              long now = clock.millis();
              aggregated.increment();
              endToEnd.record(Duration.ofMillis(Math.max(0, now - c.ingestedAt())));
              return acc.add(c, now - timelineRetention.toMillis(), now);
            },
            (actor, c, acc) -> acc.subtract(c, clock.millis()),
            Materialized.<String, ActorAccumulator, KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(accumulatorSerde));

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
