package io.newsflow.bench.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.aggregate.AggregateConfig;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * aggregate-service's topology over a topic pre-filled with the enriched corpus, timed until
 * every (actor, article) contribution is aggregated; the baseline is a pass-through Kafka
 * Streams app (source to sink) with the same guarantee, exactly_once_v2.
 */
public final class AggregateStage {

  private AggregateStage() {}

  /** The corpus as enrich-service would write it (extraction is not timed here). */
  public static List<EnrichedArticle> enrich(List<RawArticle> corpus) {
    Extractor extractor = new Extractor();
    Instant now = Instant.now();
    return corpus.stream().map(a -> ArticleEnricher.enrich(a, extractor.extract(a.getText()), now)).toList();
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
    Topology topology = ActorStatsTopology.build(topics, Duration.ofDays(3650), Clock.systemUTC(), registry);
    return time(topology, streamsProps(kafka, topics.dlq()), contributions, articles,
        () -> (long) registry.get("newsflow_aggregate_records_aggregated").counter().count());
  }

  /** records/s through a source-to-sink Streams app. */
  public static double passThrough(Properties kafka, String in, String out, int records) throws Exception {
    Counter passed = Counter.builder("passed").register(new SimpleMeterRegistry());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .peek((k, v) -> passed.increment())
        .to(out, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return time(builder.build(), streamsProps(kafka, null), records, records, () -> (long) passed.count());
  }

  static Properties streamsProps(Properties kafka, String dlq) throws Exception {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + UUID.randomUUID().toString().substring(0, 8));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, AggregateConfig.DEFAULTS.get("aggregate.threads")); // as the service runs
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("newsflow-bench-state").toString());
    if (dlq != null) {
      p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlq);
    }
    return p;
  }

  private static double time(Topology topology, Properties props, long target, int records,
      java.util.function.LongSupplier done) throws Exception {
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      long start = Bench.readyAt(() -> streams.state() == KafkaStreams.State.RUNNING);
      double seconds = Bench.secondsUntil(start, done, target, Duration.ofMinutes(3));
      return records / seconds;
    }
  }

}
