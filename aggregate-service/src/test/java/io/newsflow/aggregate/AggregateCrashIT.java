package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.aggregate.topology.ActorStatsTopology;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorStats;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.AvroSerde;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import io.newsflow.testing.KafkaClusterExtension;
import io.newsflow.testing.TopicReader;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * aggregate-service as its own JVM, killed with SIGKILL while it works through thousands of
 * articles (with corrections and deletions among them), then started again on the same state
 * directory: the statistics it publishes end up exactly those of a run without the kill
 * (the same topology on TopologyTestDriver, fed the same records).
 */
class AggregateCrashIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  static final int ARTICLES = 3000;
  static final int ACTORS = 40;
  static final Topics TOPICS = new Topics("news.articles.raw", "news.articles.enriched", "news.articles.dlq", "news.actor-stats");
  static final String APP = "crash-test";
  static final Instant START = Instant.now().minus(Duration.ofDays(20));

  @TempDir Path state;

  @Test
  void aKilledInstanceRestartsAndPublishesTheSameStatistics() throws Exception {
    List<KeyValue<String, EnrichedArticle>> input = input();
    Map<String, ActorStats> expected = withoutAKill(input);
    kafka.createTopics(3, TOPICS.enriched());
    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new AvroSerializer<>(EnrichedArticle.class))) {
      for (KeyValue<String, EnrichedArticle> kv : input) {
        producer.send(new ProducerRecord<>(TOPICS.enriched(), kv.key, kv.value));
      }
      producer.flush();
    }

    Process first = start("aggregate-crash-first.log");
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> committed() >= 300);
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close, a transaction likely open
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(committed()).as("killed mid-stream").isLessThan(input.size());

    Process second = start("aggregate-crash-second.log");
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> committed() == input.size());
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(published()).isEqualTo(expected));
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Articles naming 2 to 6 of {@value #ACTORS} actors, some with figures; every 10th corrected, every 97th deleted, later. */
  private static List<KeyValue<String, EnrichedArticle>> input() {
    Random random = new Random(42);
    List<KeyValue<String, EnrichedArticle>> records = new ArrayList<>();
    for (int n = 0; n < ARTICLES; n++) {
      records.add(KeyValue.pair("a" + n, article(n, "h1", random)));
      int earlier = n - 500;
      if (earlier >= 0 && earlier % 10 == 0) {
        records.add(KeyValue.pair("a" + earlier, article(earlier, "h2", random)));
      }
      if (earlier >= 0 && earlier % 97 == 0) {
        records.add(KeyValue.pair("a" + earlier, null));
      }
    }
    return records;
  }

  private static EnrichedArticle article(int n, String version, Random random) {
    Set<String> ids = new LinkedHashSet<>();
    int count = 2 + random.nextInt(5);
    while (ids.size() < count) {
      ids.add("actor-" + random.nextInt(ACTORS));
    }
    List<Actor> actors = ids.stream().map(id -> new Actor(id, "Actor " + id, ActorType.ARMED_GROUP, null,
        1 + random.nextInt(3), List.of())).toList();
    List<CasualtyFigure> figures = new ArrayList<>();
    for (Actor a : actors) {
      if (random.nextInt(3) == 0) {
        long value = 1 + random.nextInt(500);
        figures.add(new CasualtyFigure(CasualtyType.values()[random.nextInt(3)], value, Qualifier.EXACT, value, value,
            a.getId(), null, Realis.ACTUAL, 0, 10, value + " killed", null, null, false, null));
      }
    }
    Instant published = START.plus(Duration.ofMinutes(7L * n));
    return new EnrichedArticle("a" + n, "test", null, null, "text", null, published, published.plusSeconds(60),
        version + "-" + n, new ArrayList<>(actors), figures, "test", published.plusSeconds(61));
  }

  /** The latest statistics per actor from the same topology without a kill, updatedAt aside. */
  private static Map<String, ActorStats> withoutAKill(List<KeyValue<String, EnrichedArticle>> input) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crash-reference");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100); // statistics go out once per commit interval
    try (TopologyTestDriver driver = new TopologyTestDriver(ActorStatsTopology.build(TOPICS, 1, Duration.ofDays(90),
        Clock.systemUTC(), new SimpleMeterRegistry()), props)) {
      TestInputTopic<String, EnrichedArticle> in = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(),
          AvroSerde.enrichedArticle().serializer());
      TestOutputTopic<String, ActorStats> out = driver.createOutputTopic(TOPICS.actorStats(), new StringDeserializer(),
          AvroSerde.actorStats().deserializer());
      input.forEach(kv -> in.pipeInput(kv.key, kv.value));
      driver.advanceWallClockTime(Duration.ofSeconds(1));
      return latest(out.readKeyValuesToMap());
    }
  }

  private static Map<String, ActorStats> latest(Map<String, ActorStats> byActor) {
    Map<String, ActorStats> present = new HashMap<>();
    byActor.forEach((actor, stats) -> {
      if (stats != null) {
        stats.setUpdatedAt(Instant.EPOCH); // the time of the update, not a statistic
        present.put(actor, stats);
      }
    });
    return present;
  }

  private Map<String, ActorStats> published() {
    Map<String, ActorStats> byActor = new HashMap<>();
    for (ConsumerRecord<String, ActorStats> r : TopicReader.read(kafka, TOPICS.actorStats(), new StringDeserializer(),
        new AvroDeserializer<>(ActorStats.class), Integer.MAX_VALUE, Duration.ofSeconds(3), Duration.ZERO)) {
      byActor.put(r.key(), r.value());
    }
    return latest(byActor);
  }

  /** Input records whose processing the app has committed. */
  private long committed() throws Exception {
    Map<?, OffsetAndMetadata> offsets = kafka.admin().listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS);
    return offsets.entrySet().stream().filter(e -> e.getKey().toString().startsWith(TOPICS.enriched() + "-"))
        .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
  }

  private Process start(String log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "io.newsflow.aggregate.AggregateService");
    builder.environment().putAll(Map.of(
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "NEWSFLOW_HTTP_PORT", "0",
        "NEWSFLOW_AGGREGATE_APPLICATION_ID", APP,
        "NEWSFLOW_AGGREGATE_STATE_DIR", state.toString(),
        "NEWSFLOW_KAFKA_SESSION_TIMEOUT_MS", "6000", // the killed member leaves the group in 6 s, not 45
        "NEWSFLOW_KAFKA_MAX_POLL_RECORDS", "50")); // many small transactions, so the kill lands mid-stream
    builder.redirectErrorStream(true).redirectOutput(new File("target", log));
    return builder.start();
  }
}
