package io.newsflow.bench.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.aggregate.AggregateConfig;
import io.newsflow.aggregate.AggregateService;
import io.newsflow.aggregate.InternalTopics;
import io.newsflow.schema.AvroSerde;
import io.newsflow.aggregate.topology.ActorStatsTopology;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.enrich.stream.ArticleEnricher;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * aggregate-service's topology over a topic pre-filled with the enriched corpus, timed until
 * every (actor, article) contribution is aggregated. The baseline is the same fan-out with the
 * cheapest per-actor work ({@link #fanOutCount}); a pass-through app is kept as a reference.
 * Every app runs with exactly_once_v2 and the service's thread count, on internal topics
 * created before it starts ({@link InternalTopics}).
 */
public final class AggregateStage {

  private AggregateStage() {}

  /** The corpus as enrich-service would write it (extraction is not timed here). */
  public static List<EnrichedArticle> enrich(List<RawArticle> corpus) {
    Extractor extractor = new Extractor();
    Instant now = Instant.now();
    return corpus.stream().map(a -> ArticleEnricher.enrich(a, ArticleEnricher.extractingWith(extractor).apply(a), now)).toList();
  }

  /** The articles {@code copies} times over, each copy under new article ids: more work to time without extracting more. */
  public static List<EnrichedArticle> copies(List<EnrichedArticle> enriched, int copies) {
    List<EnrichedArticle> all = new java.util.ArrayList<>(enriched.size() * copies);
    for (int c = 0; c < copies; c++) {
      String suffix = c == 0 ? "" : "-copy" + c;
      enriched.forEach(a -> all.add(EnrichedArticle.newBuilder(a).setId(a.getId() + suffix).build()));
    }
    return all;
  }

  public static void prepare(Properties kafka, String topic, List<EnrichedArticle> enriched) throws Exception {
    Bench.fill(kafka, topic, enriched, EnrichedArticle.class, EnrichedArticle::getId);
  }

  public static long contributions(List<EnrichedArticle> enriched) {
    return Bench.sum(enriched, a -> a.getActors().size());
  }

  /** enriched articles/s through the actor-stats topology. */
  public static double aggregate(Properties kafka, Topics topics, int articles, long contributions) throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Topology topology = ActorStatsTopology.build(topics, InternalTopics.partitionsOf(kafka, topics.enriched()),
        Duration.ofDays(3650), Clock.systemUTC(), registry);
    return time(kafka, topics.enriched(), topology, streamsProps(kafka, topics.dlq()), contributions, articles,
        () -> (long) registry.get("newsflow_aggregate_records_aggregated").counter().count());
  }

  /**
   * articles/s of the cheapest app that does aggregate-service's fan-out: each article mapped to
   * its actor ids, one repartition by actor, {@code groupByKey().count()}; exactly_once_v2 and
   * the same threads. What is left between it and the real topology is the per-actor work.
   */
  public static double fanOutCount(Properties kafka, String in, int articles, long contributions) throws Exception {
    Counter counted = Counter.builder("counted").register(new SimpleMeterRegistry());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.String(), AvroSerde.enrichedArticle()))
        .flatMap((id, article) -> article.getActors().stream().map(a -> KeyValue.pair(a.getId(), id)).toList())
        .repartition(Repartitioned.<String, String>as("fan-out").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .peek((actor, id) -> counted.increment()) // each record as it reaches the count (its cache forwards less often)
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("fan-out-counts"));
    return time(kafka, in, builder.build(), streamsProps(kafka, null), contributions, articles, () -> (long) counted.count());
  }

  /** records/s through a source-to-sink Streams app: no fan-out, no state (a reference, not a ceiling). */
  public static double passThrough(Properties kafka, String in, String out, int records) throws Exception {
    Counter passed = Counter.builder("passed").register(new SimpleMeterRegistry());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .peek((k, v) -> passed.increment())
        .to(out, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return time(kafka, in, builder.build(), streamsProps(kafka, null), records, records, () -> (long) passed.count());
  }
  static Properties streamsProps(Properties kafka, String dlq) throws Exception {
    Properties p = new Properties();
    p.putAll(kafka);
    p.putAll(AggregateService.STREAMS_TUNING); // every app here runs with the service's client settings
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + UUID.randomUUID().toString().substring(0, 8));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, AggregateConfig.DEFAULTS.get("aggregate.threads")); // as the service runs
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("newsflow-bench-state").toString());
    if (dlq != null) {
      p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlq);
    }
    return p;
  }

  /**
   * Starts the app once its internal topics serve and times it from its first counted unit until
   * {@code done} reaches {@code target}; returns {@code records} per second at that pace.
   */
  static double time(Properties kafka, String in, Topology topology, Properties props, long target, int records,
      java.util.function.LongSupplier done) throws Exception {
    InternalTopics.ensure(kafka, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), topology,
        InternalTopics.partitionsOf(kafka, in), 1);
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      return Bench.ratePerSecond(done, target, Duration.ofMinutes(5)) * records / target;
    }
  }
}
