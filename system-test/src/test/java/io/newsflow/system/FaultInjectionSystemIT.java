package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsflow.schema.Actor;
import io.newsflow.schema.AvroSerde;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Realis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Faults on the real stack ({@code ./newsflow up --detach}): while thousands of articles flow
 * through {@code POST /articles}, enrich-service and aggregate-service are SIGKILLed three times
 * each and started again; then the broker is SIGKILLed and started again. Exactly-once means the
 * enriched topic (read_committed) holds every acknowledged article once, and every actor's
 * articles, mentions, reports per type and co-actor counts equal what that topic implies.
 */
class FaultInjectionSystemIT extends OnRunningPipeline {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Names the gazetteer knows; each article names a few of them (in our own invented sentences). */
  private static final List<String> COUNTRIES = List.of("Sudan", "Chad", "Mali", "Niger", "Ukraine", "Russia", "Yemen",
      "Somalia", "Kenya", "Ethiopia", "Libya", "Egypt");
  private static final int BATCH = 50;


  @Test
  void killedServicesAndAKilledBrokerLoseNothingAndCountNothingTwice() throws Exception {
    Set<String> acknowledged = new HashSet<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    CompletableFuture<Void> flow = CompletableFuture.runAsync(() -> {
      try {
        for (int batch = 0; batch < 60 && sending.get(); batch++) { // 3,000 articles, about 60 a second
          acknowledged.addAll(postUntilAcknowledged(batch));
          Thread.sleep(700);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      for (int round = 0; round < 3; round++) {
        Thread.sleep(3_000);
        pipeline.kill("enrich");
        pipeline.start("enrich");
        Thread.sleep(3_000);
        pipeline.kill("aggregate");
        pipeline.start("aggregate");
      }
      flow.get();
    } finally {
      sending.set(false);
    }
    assertThat(acknowledged).hasSize(60 * BATCH);
    assertExactlyOnce(acknowledged);

    pipeline.kill("broker");
    HttpResponse<String> whileDown = pipeline.post(pipeline.ingest, "/articles", batch(1000).toString());
    assertThat(whileDown.statusCode()).as("an article the broker cannot take is not acknowledged").isEqualTo(503);
    pipeline.start("broker");
    acknowledged.addAll(postUntilAcknowledged(1001));
    assertExactlyOnce(acknowledged);
  }

  /** Every acknowledged article is on the enriched topic once, and the statistics are what the topic implies. */
  private static void assertExactlyOnce(Set<String> acknowledged) throws Exception {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      Map<String, Integer> copies = new HashMap<>();
      List<EnrichedArticle> enriched = readEnriched();
      enriched.forEach(a -> copies.merge(a.getId(), 1, Integer::sum));
      assertThat(copies.keySet()).containsAll(acknowledged);
      assertThat(copies.values()).as("no article enriched twice").allMatch(n -> n == 1);
      Map<String, String> expected = expectedStatistics(enriched);
      Map<String, String> served = new TreeMap<>();
      for (String actor : expected.keySet()) {
        HttpResponse<String> response = pipeline.get(pipeline.aggregate, "/actors/" + actor);
        served.put(actor, response.statusCode() == 200 ? statistics(JSON.readTree(response.body()))
            : response.statusCode() + " " + response.body());
      }
      assertThat(served).isEqualTo(expected);
    });
  }

  /** Per actor, what its statistics must say: articles, mentions, reports per type, co-actor counts. */
  private static Map<String, String> expectedStatistics(List<EnrichedArticle> articles) {
    Map<String, long[]> totals = new TreeMap<>();
    Map<String, Map<String, Long>> reports = new HashMap<>();
    Map<String, Map<String, Long>> coActors = new HashMap<>();
    for (EnrichedArticle article : articles) {
      for (Actor actor : article.getActors()) {
        long[] t = totals.computeIfAbsent(actor.getId(), k -> new long[2]);
        t[0]++;
        t[1] += actor.getMentions();
        article.getCasualties().stream()
            .filter(f -> actor.getId().equals(f.getActor()) && f.getRealis() == Realis.ACTUAL)
            .map(CasualtyFigure::getType).distinct()
            .forEach(type -> reports.computeIfAbsent(actor.getId(), k -> new TreeMap<>()).merge(type.name(), 1L, Long::sum));
        article.getActors().stream().filter(other -> !other.getId().equals(actor.getId()))
            .forEach(other -> coActors.computeIfAbsent(actor.getId(), k -> new TreeMap<>()).merge(other.getId(), 1L, Long::sum));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    totals.forEach((actor, t) -> expected.put(actor, t[0] + " articles, " + t[1] + " mentions, reports "
        + reports.getOrDefault(actor, Map.of()) + ", co-actors " + coActors.getOrDefault(actor, Map.of())));
    return expected;
  }

  private static String statistics(JsonNode actor) {
    Map<String, Long> reports = new TreeMap<>();
    actor.path("casualties").forEach(c -> reports.put(c.get("type").asText(), c.get("reports").asLong()));
    Map<String, Long> coActors = new TreeMap<>();
    actor.path("coActors").forEach(c -> coActors.put(c.get("id").asText(), c.get("articles").asLong()));
    return actor.path("articles").asLong() + " articles, " + actor.path("mentions").asLong() + " mentions, reports "
        + reports + ", co-actors " + coActors;
  }

  private static List<EnrichedArticle> readEnriched() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<EnrichedArticle> articles = new ArrayList<>();
    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        AvroSerde.enrichedArticle().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor("news.articles.enriched").stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // read_committed: the last stable offsets
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(500))) {
          articles.add(r.value());
        }
      }
    }
    return articles;
  }

  /** Posts one batch until ingest acknowledges it (a retry is safe: ids are stable); its ids. */
  private static List<String> postUntilAcknowledged(int batch) throws Exception {
    ArrayNode articles = batch(batch);
    for (int attempt = 0; attempt < 60; attempt++) {
      HttpResponse<String> response = pipeline.post(pipeline.ingest, "/articles", articles.toString());
      if (response.statusCode() == 202) {
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).get("ids").forEach(id -> ids.add(id.asText()));
        return ids;
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      Thread.sleep(1_000);
    }
    throw new AssertionError("batch " + batch + " was never acknowledged");
  }

  /** {@value #BATCH} invented articles, each naming two to four countries and reporting a toll. */
  private static ArrayNode batch(int batch) {
    Random random = new Random(batch);
    ArrayNode articles = JSON.createArrayNode();
    for (int i = 0; i < BATCH; i++) {
      List<String> named = new ArrayList<>(COUNTRIES);
      java.util.Collections.shuffle(named, random);
      named = named.subList(0, 2 + random.nextInt(3));
      String text = "Officials in " + named.get(0) + " said " + (3 + random.nextInt(90)) + " soldiers were killed near the border. "
          + "Envoys from " + String.join(" and ", named.subList(1, named.size())) + " met on Tuesday to discuss a truce.";
      articles.addObject().put("id", "fault-" + batch + "-" + i).put("title", "Border clashes " + batch + "-" + i)
          .put("text", text).put("publishedAt", "2026-11-" + (10 + random.nextInt(18)) + "T08:00:00Z");
    }
    return articles;
  }
}
