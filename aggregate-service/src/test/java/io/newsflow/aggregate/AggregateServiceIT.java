package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.runtime.Json;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregate-service instances on a real three-broker cluster: each answers for actors the
 * other holds; when one stops the other takes over with the same numbers; an instance whose
 * state directory was wiped restores the same numbers from the changelog.
 */
class AggregateServiceIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(3);

  static final int ACTORS = 24;
  static final Instant START = Instant.now().minus(Duration.ofDays(10));
  @TempDir Path stateA;
  @TempDir Path stateB;
  @TempDir Path stateC;
  final HttpClient http = HttpClient.newHttpClient();

  private AggregateConfig config(Path stateDir) {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_TOPIC_PARTITIONS", "4");
    env.put("NEWSFLOW_TOPIC_REPLICATION", "3");
    env.put("NEWSFLOW_HTTP_PORT", "0");
    env.put("NEWSFLOW_AGGREGATE_STATE_DIR", stateDir.toString());
    env.put("NEWSFLOW_KAFKA_COMMIT_INTERVAL_MS", "100");
    return AggregateConfig.from(Settings.load(AggregateConfig.DEFAULTS, null, env));
  }

  private static EnrichedArticle article(int n) {
    String actor = "actor-" + (n % ACTORS);
    String other = "actor-" + ((n + 1) % ACTORS);
    Instant published = START.plus(Duration.ofHours(n)); // recent, so inside the timeline retention
    return new EnrichedArticle("a" + n, "test", "https://www.example.org/news/" + n, null, "text", null, published, Instant.now(), "h" + n,
        new ArrayList<>(List.of(new Actor(actor, "Actor " + (n % ACTORS), ActorType.ARMED_GROUP, null, 2, List.of()),
            new Actor(other, "Actor " + ((n + 1) % ACTORS), ActorType.ARMED_GROUP, null, 1, List.of()))),
        new ArrayList<>(List.of(new CasualtyFigure(CasualtyType.KILLED, 10L + n, Qualifier.AT_LEAST, 10L + n, null, actor, null,
            Realis.ACTUAL, 0, 10, "killed", null, null, false, null))),
        "test", Instant.now());
  }

  @Test
  void instancesAnswerForEachOtherTakeOverAndRestoreFromTheChangelog() throws Exception {
    AggregateService a = AggregateService.start(config(stateA));
    AggregateService b = AggregateService.start(config(stateB));
    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new AvroSerializer<>(EnrichedArticle.class))) {
      for (int n = 0; n < 120; n++) {
        producer.send(new ProducerRecord<>("news.articles.enriched", "a" + n, article(n)));
      }
      producer.send(new ProducerRecord<>("news.articles.enriched", "garbage", null)).get(10, TimeUnit.SECONDS);
    }
    try (var raw = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      raw.send(new ProducerRecord<>("news.articles.enriched", "bad-bytes", "not avro".getBytes())).get(10, TimeUnit.SECONDS);
    }

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      JsonNode top = json(a, "/actors?limit=100");
      assertThat(top).hasSize(ACTORS);
      top.forEach(row -> assertThat(row.get("articles").asLong()).as("every article aggregated").isEqualTo(10));
    });
    Map<String, String> fromA = details(a);
    assertThat(details(b)).as("each instance answers for every actor").isEqualTo(fromA);
    long ownedByB = IntStream.range(0, ACTORS).filter(i -> b.streams()
        .queryMetadataForKey("actor-stats", "actor-" + i, Serdes.String().serializer()).activeHost().port() == b.port()).count();
    assertThat(ownedByB).as("both instances own some actors").isBetween(1L, (long) ACTORS - 1);
    JsonNode one = Json.mapper().readTree(fromA.get("actor-3"));
    assertThat(one.get("articles").asLong()).isEqualTo(10);
    assertThat(one.get("casualties").get(0).get("reports").asLong()).isEqualTo(5);
    assertThat(one.get("casualties").get(0).get("highest").get("value").asLong()).isEqualTo(10 + 99);
    assertThat(get(a, "/actors/nobody").statusCode()).isEqualTo(404);
    assertThat(get(a, "/actors?sort=loudness").statusCode()).isEqualTo(400);
    assertThat(get(a, "/actors/actor-3/timeline?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(json(a, "/actors/actor-3/co-actors")).hasSize(2);
    for (AggregateService service : List.of(a, b)) { // one of them asks the other
      JsonNode history = json(service, "/actors/actor-3/figures?type=KILLED&limit=2&offset=1");
      assertThat(history.get("total").asLong()).as("every report of actor-3").isEqualTo(5);
      assertThat(history.get("reports")).hasSize(2);
      assertThat(history.get("reports").get(0).get("outlet").asText()).isEqualTo("example.org");
      HttpResponse<String> csv = get(service, "/actors/actor-3/figures.csv?claimedBy=none");
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body().lines()).hasSize(1 + 5).first().asString().startsWith("type,reportedAt,value");
    }
    assertThat(get(a, "/actors/actor-3/figures?type=EATEN").statusCode()).isEqualTo(400);
    assertThat(json(a, "/actors/actor-3/timeline")).isNotEmpty();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(a, "/metrics").body() + get(b, "/metrics").body())
        .contains("newsflow_aggregate_dlq_records_total{reason=\"undecodable\",service=\"aggregate-service\"} 1.0"));

    b.close();
    awaitRunning(a);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(details(a)).as("the survivor answers the same numbers").isEqualTo(fromA));

    a.close();
    AggregateService wiped = AggregateService.start(config(stateC));
    try {
      awaitRunning(wiped);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(details(wiped)).as("restored from the changelog").isEqualTo(fromA));
    } finally {
      wiped.close();
    }
  }

  private void awaitRunning(AggregateService service) {
    await().atMost(Duration.ofSeconds(90)).until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
  }

  /** Every actor's details; a 503 (the instances are still rebalancing, as the API documents) is asked again. */
  private Map<String, String> details(AggregateService service) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < ACTORS; i++) {
      String path = "/actors/actor-" + i;
      // keep the answer that ended the wait: asking again could land in the next (probing) rebalance
      AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> { answer.set(get(service, path)); return answer.get().statusCode() != 503; });
      HttpResponse<String> r = answer.get();
      assertThat(r.statusCode()).as("GET /actors/actor-%d: %s", i, r.body()).isEqualTo(200);
      out.put("actor-" + i, r.body());
    }
    return out;
  }

  private JsonNode json(AggregateService service, String path) throws Exception {
    HttpResponse<String> r = get(service, path);
    assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  private HttpResponse<String> get(AggregateService service, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
