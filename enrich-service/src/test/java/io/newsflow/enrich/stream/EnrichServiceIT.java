package io.newsflow.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.runtime.DeadLetter;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** enrich-service against a real broker: exactly one enriched article per raw one, poison pills to the DLQ. */
class EnrichServiceIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @Test
  void enrichesEveryArticleOnceWithTheSeedsFigures() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "happy", 3);
    String seed = Files.readString(Path.of("../seeds/000_2b015a0ac9e7801d.txt"));
    List<RawArticle> articles = new ArrayList<>(List.of(EnrichTestKit.article("seed", seed)));
    IntStream.range(0, 49).forEach(i -> articles.add(EnrichTestKit.article("a" + i, i + " civilians were killed in Kharkiv.")));
    kit.produce(articles);

    try (EnrichService service = EnrichService.start(kit.config("happy-1"))) {
      List<ConsumerRecord<String, EnrichedArticle>> out = kit.enrichedRecords(50, Duration.ofSeconds(1));

      assertThat(out).hasSize(50);
      assertThat(out.stream().map(ConsumerRecord::key).distinct()).hasSize(50);
      EnrichedArticle enriched = out.stream().filter(r -> r.key().equals("seed")).findFirst().orElseThrow().value();
      assertThat(enriched.getText()).isEqualTo(seed);
      assertThat(enriched.getExtractorVersion()).isEqualTo(Extractor.VERSION);
      assertThat(enriched.getEnrichedAt()).isAfterOrEqualTo(enriched.getIngestedAt());
      assertThat(enriched.getCasualties()).extracting(CasualtyFigure::getValue).containsExactly(12L, 1000L, 11000L, 3000L, 2L);
      assertThat(enriched.getActors()).extracting(a -> a.getId()).contains("north-korea", "kim-jong-un");

      String metrics = get(service.port(), "/metrics");
      assertThat(metrics)
          .contains("newsflow_enrich_records_out_total{service=\"enrich-service\"} 50.0")
          .contains("newsflow_enrich_extraction_seconds{service=\"enrich-service\",quantile=\"0.99\"}")
          .contains("kafka_consumer_fetch_manager_records_lag_max{client_id=\"newsflow-enrich-happy-1-consumer\"");
      assertThat(get(service.port(), "/health")).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void poisonPillsGoToTheDeadLetterTopicAndTheGoodRecordsAroundThemComeOutOnce() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "poison", 1);
    Extractor real = new Extractor();
    Function<RawArticle, io.newsflow.enrich.extract.Extraction> failsOnMarker = raw -> {
      if (raw.getText().contains("EXPLODE")) {
        throw new IllegalStateException("extractor blew up on purpose");
      }
      return real.extract(raw.getText());
    };
    kit.produce(List.of(EnrichTestKit.article("good-1", "Two soldiers were captured.")));
    kit.produceBytes("garbage", "definitely not avro".getBytes(StandardCharsets.UTF_8));
    kit.produce(List.of(EnrichTestKit.article("bad-extract", "EXPLODE"), EnrichTestKit.article("good-2", "Five people died.")));

    try (EnrichService service = EnrichService.start(kit.config("poison-1"), failsOnMarker)) {
      List<ConsumerRecord<String, EnrichedArticle>> out = kit.enrichedRecords(2, Duration.ofSeconds(1));
      List<ConsumerRecord<String, byte[]>> dead = kit.deadLetters(2);

      assertThat(out).extracting(ConsumerRecord::key).containsExactly("good-1", "good-2");
      assertThat(dead).extracting(ConsumerRecord::key).containsExactly("garbage", "bad-extract");
      ConsumerRecord<String, byte[]> garbage = dead.get(0);
      assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("definitely not avro");
      Map<String, String> headers = headers(garbage);
      assertThat(headers).containsEntry(DeadLetter.TOPIC, kit.raw()).containsEntry(DeadLetter.PARTITION, "0")
          .containsEntry(DeadLetter.OFFSET, "1").containsEntry(DeadLetter.SERVICE, "enrich-service")
          .containsEntry(DeadLetter.REASON, "undecodable")
          .containsEntry(DeadLetter.EXCEPTION, "org.apache.kafka.common.errors.SerializationException");
      assertThat(headers.get(DeadLetter.MESSAGE)).contains("not Avro single-object encoding");
      assertThat(headers(dead.get(1))).containsEntry(DeadLetter.REASON, "extractor_failed")
          .containsEntry(DeadLetter.MESSAGE, "extractor blew up on purpose").containsEntry(DeadLetter.OFFSET, "2");

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(service.port(), "/metrics"))
          .contains("newsflow_enrich_dlq_records_total{reason=\"undecodable\",service=\"enrich-service\"} 1.0")
          .contains("newsflow_enrich_dlq_records_total{reason=\"extractor_failed\",service=\"enrich-service\"} 1.0"));
    }
  }

  @Test
  void anArticleStampedAheadOfThisHostsClockStillFlows() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "skew", 1);
    RawArticle ahead = EnrichTestKit.article("ahead", "Four soldiers were wounded.");
    ahead.setIngestedAt(java.time.Instant.now().plus(Duration.ofHours(1))); // the ingest host's clock runs fast
    kit.produce(List.of(ahead, EnrichTestKit.article("after", "Two people died.")));

    try (EnrichService service = EnrichService.start(kit.config("skew-1"))) {
      assertThat(kit.enrichedRecords(2, Duration.ofSeconds(1))).extracting(ConsumerRecord::key).containsExactly("ahead", "after");
      assertThat(get(service.port(), "/health")).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void anOutputTooLargeForTheBrokerIsADeadLetterNotAStuckStream() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "large", 1);
    kit.produce(List.of(EnrichTestKit.article("huge", "Ukraine. ".repeat(40_000)), EnrichTestKit.article("small", "Ten people died.")));

    try (EnrichService service = EnrichService.start(kit.config("large-1", "NEWSFLOW_KAFKA_MAX_REQUEST_SIZE", "400000"))) {
      assertThat(kit.enrichedRecords(1, Duration.ofSeconds(1))).extracting(ConsumerRecord::key).containsExactly("small");
      assertThat(kit.deadLetters(1)).singleElement().satisfies(r -> assertThat(headers(r)).containsEntry(DeadLetter.REASON, "too_large"));
    }
  }

  @Test
  void twoInstancesSplitThePartitionsAndProduceEachArticleOnce() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "pair", 4);
    kit.produce(IntStream.range(0, 200).mapToObj(i -> EnrichTestKit.article("p" + i, "At least " + i + " people died.")).toList());

    try (EnrichService one = EnrichService.start(kit.config("pair-1"));
        EnrichService two = EnrichService.start(kit.config("pair-2"))) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(one.loop().assignment()).isNotEmpty();
        assertThat(two.loop().assignment()).isNotEmpty();
      });
      List<ConsumerRecord<String, EnrichedArticle>> out = kit.enrichedRecords(200, Duration.ofSeconds(2));

      assertThat(out).hasSize(200);
      assertThat(out.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(200);
      assertThat(one.loop().assignment().size() + two.loop().assignment().size()).isEqualTo(4);
    }
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
        .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
  }

  private static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
