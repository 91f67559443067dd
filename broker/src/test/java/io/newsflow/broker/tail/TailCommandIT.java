package io.newsflow.broker.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.runtime.DeadLetter;
import io.newsflow.runtime.Json;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorStats;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Realis;
import io.newsflow.testing.KafkaClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ./newsflow tail} against a real broker: every topic kind, bad records, bad usage, no broker. */
class TailCommandIT {

  @RegisterExtension static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private static final Instant PUBLISHED = Instant.parse("2024-12-20T10:15:30Z");
  private static final String RAW = "tail.raw";
  private static final String ENRICHED = "tail.enriched";
  private static final String STATS = "news.actor-stats";
  private static final String DLQ = "tail.dlq";

  @BeforeAll
  static void produceOneOfEachKind() throws Exception {
    kafka.createTopics(1, RAW, ENRICHED, STATS, DLQ);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(kafka.producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      send(producer, RAW, "r1", new AvroSerializer<>(RawArticle.class).serialize(RAW, raw("r1")));
      send(producer, RAW, "junk", "not avro at all".getBytes(StandardCharsets.UTF_8));
      send(producer, RAW, "unknown", HexFormat.of().parseHex("c3010102030405060708" + "0a0b0c"));
      send(producer, RAW, "r2", new AvroSerializer<>(RawArticle.class).serialize(RAW, raw("r2")));
      AvroSerializer<EnrichedArticle> enriched = new AvroSerializer<>(EnrichedArticle.class);
      send(producer, ENRICHED, "e1", enriched.serialize(ENRICHED, enriched("e1", "ukraine")));
      send(producer, ENRICHED, "e2", enriched.serialize(ENRICHED, enriched("e2", "north-korea")));
      send(producer, STATS, "north-korea", new AvroSerializer<>(ActorStats.class).serialize(STATS, stats()));
      send(producer, STATS, "gone", null);
      producer.send(deadLetter()).get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void rawPrintsGoodRecordsAndOneStderrLinePerUndecodableOne() {
    Run run = tail("raw", "--from-beginning", "--max", "4");

    assertThat(run.code).isZero();
    assertThat(run.lines()).hasSize(2);
    assertThat(run.lines().get(0).path("key").asText()).isEqualTo("r1");
    assertThat(run.lines().get(0).path("value").path("id").asText()).isEqualTo("r1");
    assertThat(run.lines().get(0).path("value").path("publishedAt").asText()).isEqualTo("2024-12-20T10:15:30Z");
    assertThat(run.lines().get(1).path("offset").asLong()).isEqualTo(3);
    assertThat(run.err.strip().split("\n")).satisfiesExactly(
        line -> assertThat(line).startsWith("newsflow tail: tail.raw partition 0 offset 1: cannot decode RawArticle")
            .contains("not Avro single-object encoding"),
        line -> assertThat(line).startsWith("newsflow tail: tail.raw partition 0 offset 2: cannot decode RawArticle")
            .contains("a schema this reader does not know"));
  }

  @Test
  void enrichedDecodesFiguresAndFiltersByActor() {
    Run run = tail("enriched", "--from-beginning", "--actor", "north-korea", "--max", "1");

    assertThat(run.code).isZero();
    assertThat(run.err).isEmpty();
    JsonNode article = run.lines().get(0).path("value");
    assertThat(article.path("id").asText()).isEqualTo("e2");
    JsonNode figure = article.path("casualties").get(0);
    assertThat(figure.path("type").asText()).isEqualTo("KILLED_OR_WOUNDED");
    assertThat(figure.path("value").asLong()).isEqualTo(3000);
    assertThat(figure.path("qualifier").asText()).isEqualTo("MORE_THAN");
    assertThat(figure.path("valueMax").isNull()).isTrue();
    assertThat(figure.path("claimedBy").asText()).isEqualTo("ukraine");
  }

  @Test
  void statsShowsTheRecordAndATombstoneAsNull() {
    Run run = tail("stats", "--from-beginning", "--max", "2");

    assertThat(run.code).isZero();
    assertThat(run.lines().get(0).path("value").path("actorId").asText()).isEqualTo("north-korea");
    assertThat(run.lines().get(0).path("value").path("firstSeen").asText()).isEqualTo("2024-12-20T10:15:30Z");
    assertThat(run.lines().get(1).path("key").asText()).isEqualTo("gone");
    assertThat(run.lines().get(1).path("value").isNull()).isTrue();
  }

  @Test
  void dlqShowsTheReasonHeadersAsFields() {
    Run run = tail("dlq", "--from-beginning", "--max", "1");

    assertThat(run.code).isZero();
    JsonNode letter = run.lines().get(0);
    assertThat(letter.path("key").asText()).isEqualTo("bad-1");
    assertThat(letter.path("reason").asText()).isEqualTo("undecodable");
    assertThat(letter.path("service").asText()).isEqualTo("enrich-service");
    assertThat(letter.path("exception").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.path("message").asText()).isEqualTo("cannot decode");
    assertThat(letter.path("failedTopic").asText()).isEqualTo(RAW);
    assertThat(letter.path("failedOffset").asText()).isEqualTo("7");
    assertThat(letter.path("valueBytes").asInt()).isEqualTo(3);
    assertThat(letter.has("stacktrace")).isFalse();
  }

  @Test
  void withoutFromBeginningOnlyNewRecordsArePrinted() throws Exception {
    CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> tail("enriched", "--max", "1"));
    AvroSerializer<EnrichedArticle> enriched = new AvroSerializer<>(EnrichedArticle.class);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(kafka.producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      // the tail seeks to the end once it has started; send until it has seen one
      for (int i = 0; !running.isDone() && i < 100; i++) {
        send(producer, ENRICHED, "new-" + i, enriched.serialize(ENRICHED, enriched("new-" + i, "ukraine")));
        Thread.sleep(200);
      }
    }
    Run run = running.get(30, TimeUnit.SECONDS);
    assertThat(run.code).isZero();
    assertThat(run.lines().get(0).path("key").asText()).startsWith("new-");
  }

  @Test
  void badUsageExitsTwoWithOneReadableLine() {
    assertThat(tail()).satisfies(r -> assertUsage(r, "which topic?"));
    assertThat(tail("news")).satisfies(r -> assertUsage(r, "unknown topic 'news'; one of: raw enriched stats dlq"));
    assertThat(tail("raw", "--max", "0")).satisfies(r -> assertUsage(r, "--max must be a whole number above 0"));
    assertThat(tail("raw", "--max")).satisfies(r -> assertUsage(r, "--max needs a value"));
    assertThat(tail("raw", "--follow")).satisfies(r -> assertUsage(r, "unknown option '--follow'"));
    assertThat(tail("dlq", "--actor", "russia")).satisfies(r -> assertUsage(r, "--actor filters enriched or stats"));
  }

  @Test
  void unreachableBrokerExitsThreeSayingSo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run = tail(Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + closedPort), "raw", "--max", "1");

    assertThat(run.code).isEqualTo(3);
    assertThat(run.out).isEmpty();
    assertThat(run.err).startsWith("newsflow tail: Kafka is not reachable: ")
        .contains("no Kafka broker answered at localhost:" + closedPort);
  }

  @Test
  void aMissingTopicIsSaid() {
    Run run = tail(Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "NEWSFLOW_TOPIC_RAW", "tail.nothing-here"), "raw", "--max", "1");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).startsWith("newsflow tail: topic tail.nothing-here does not exist");
  }

  private static void assertUsage(Run run, String message) {
    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err).startsWith("newsflow tail: ").contains(message).endsWith("\n");
    assertThat(run.err.strip()).doesNotContain("\n");
  }

  private record Run(int code, String out, String err) {
    List<JsonNode> lines() {
      return out.lines().map(line -> {
        try {
          return Json.mapper().readTree(line);
        } catch (Exception e) {
          throw new AssertionError("not a JSON line: " + line, e);
        }
      }).toList();
    }
  }

  private static Run tail(String... args) {
    return tail(Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "NEWSFLOW_TOPIC_RAW", RAW,
        "NEWSFLOW_TOPIC_ENRICHED", ENRICHED, "NEWSFLOW_TOPIC_DLQ", DLQ), args);
  }

  private static Run tail(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new TailCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(1))
        .run(args, Settings.load(TailCommand.defaults(), null, env));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
  }

  private static ProducerRecord<byte[], byte[]> deadLetter() {
    ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>(RAW, 0, 7, 0L, TimestampType.CREATE_TIME, 0, 0,
        "bad-1".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, new RecordHeaders(), java.util.Optional.empty());
    return DeadLetter.of(failed, DLQ, "enrich-service", "undecodable", new IllegalStateException("cannot decode"));
  }

  private static RawArticle raw(String id) {
    return RawArticle.newBuilder().setId(id).setSource("file").setUrl(null).setTitle(null)
        .setText("Over 3,000 of these soldiers have been killed.").setLanguage("en").setPublishedAt(PUBLISHED)
        .setIngestedAt(PUBLISHED.plusSeconds(60)).setContentHash("ab".repeat(32)).build();
  }

  private static EnrichedArticle enriched(String id, String actorId) {
    return EnrichedArticle.newBuilder().setId(id).setSource("file").setUrl(null).setTitle(null)
        .setText("Over 3,000 of these soldiers have been killed, Kyiv said.").setLanguage("en")
        .setPublishedAt(PUBLISHED).setIngestedAt(PUBLISHED).setContentHash("cd".repeat(32))
        .setActors(List.of(Actor.newBuilder().setId(actorId).setName(actorId).setType(ActorType.COUNTRY)
            .setAffiliation(null).setMentions(1).setSpans(List.of()).build()))
        .setCasualties(List.of(CasualtyFigure.newBuilder().setType(CasualtyType.KILLED_OR_WOUNDED).setValue(3000)
            .setQualifier(Qualifier.MORE_THAN).setValueMin(3001L).setValueMax(null).setActor(actorId)
            .setClaimedBy("ukraine").setRealis(Realis.ACTUAL).setStart(0).setEnd(46)
            .setText("Over 3,000 of these soldiers have been killed").build()))
        .setExtractorVersion("test").setEnrichedAt(PUBLISHED).build();
  }

  private static ActorStats stats() {
    return ActorStats.newBuilder().setActorId("north-korea").setName("North Korea").setType(ActorType.COUNTRY)
        .setAffiliation(null).setArticles(1).setMentions(7).setFirstSeen(PUBLISHED).setLastSeen(PUBLISHED)
        .setCoActors(List.of()).setCasualties(List.of()).setUpdatedAt(PUBLISHED).build();
  }
}
