package io.newsflow.bench.stage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.aggregate.InternalTopics;
import io.newsflow.aggregate.topology.ActorStatsTopology;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.enrich.stream.ArticleEnricher;
import io.newsflow.enrich.stream.EnrichLoop;
import io.newsflow.enrich.stream.EnrichMetrics;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The whole pipeline with exactly-once on at a fixed offered load: ingest's publisher sends
 * articles at {@code rate} per second for {@code seconds}, enrich's loop and aggregate's topology
 * run as in production, and the topology's own timer gives ingestion-to-stats-update latency.
 */
public final class EndToEndStage {

  /** Latency percentiles in ms, and the load actually offered. */
  public record Latency(double p50, double p95, double p99, double offeredPerSecond, long articles) {}

  private EndToEndStage() {}

  public static Latency run(Properties kafka, Map<String, String> env, Topics topics, List<RawArticle> corpus,
      int rate, int seconds) throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Map<String, String> e = new HashMap<>(env);
    String id = UUID.randomUUID().toString().substring(0, 8);
    e.put("NEWSFLOW_ENRICH_GROUP_ID", "bench-e2e-" + id);
    e.put("NEWSFLOW_ENRICH_INSTANCE_ID", "bench-e2e-" + id);
    EnrichLoop enrich = new EnrichLoop(EnrichConfig.from(Settings.load(EnrichConfig.DEFAULTS, null, e)),
        ArticleEnricher.extractingWith(new Extractor()), new EnrichMetrics(registry), Clock.systemUTC());
    Thread enrichThread = new Thread(enrich, "bench-e2e-enrich");
    int partitions = InternalTopics.partitionsOf(kafka, topics.enriched());
    Topology topology = ActorStatsTopology.build(topics, partitions, Duration.ofDays(3650), Clock.systemUTC(), registry);
    Properties streamsProps = AggregateStage.streamsProps(kafka, topics.dlq());
    InternalTopics.ensure(kafka, streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), topology, partitions, 1);
    KafkaStreams streams = new KafkaStreams(topology, streamsProps);
    ArticleFactory factory = new ArticleFactory(1 << 20, Clock.systemUTC());
    try (RawArticlePublisher publisher = new RawArticlePublisher(kafka, topics.raw(), new IngestMetrics(registry))) {
      enrichThread.start();
      streams.start();
      waitUntil(() -> streams.state() == KafkaStreams.State.RUNNING && !enrich.assignment().isEmpty(), Duration.ofSeconds(60));
      long total = (long) rate * seconds;
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        RawArticle a = corpus.get((int) (i % corpus.size()));
        publisher.send(factory.create(new ArticleDraft("bench", "e2e", "e2e-" + id + "-" + i, null, a.getTitle(),
            a.getText(), a.getPublishedAt().toString(), a.getLanguage())));
      }
      publisher.flush();
      double offered = total / ((System.nanoTime() - start) / 1e9);
      Timer latency = registry.get("newsflow_aggregate_end_to_end_latency").timer();
      long settledAt = System.nanoTime();
      long last = -1;
      while (System.nanoTime() - settledAt < TimeUnit.SECONDS.toNanos(60)) { // drain: until no update for 2 s
        Thread.sleep(2000);
        long now = latency.count();
        if (now == last) {
          break;
        }
        last = now;
      }
      double[] p = new double[3];
      for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
        int slot = v.percentile() == 0.5 ? 0 : v.percentile() == 0.95 ? 1 : 2;
        p[slot] = v.value(TimeUnit.MILLISECONDS);
      }
      return new Latency(p[0], p[1], p[2], offered, total);
    } finally {
      enrich.close();
      enrichThread.join();
      streams.close(Duration.ofSeconds(30));
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier ready, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("pipeline not running within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(50);
    }
  }
}
