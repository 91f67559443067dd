package io.newsflow.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichService;
import io.newsflow.runtime.DeadLetter;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The raw topic itself as bad input: bytes other producers could write there. Each bad record is
 * a dead letter with reason and message, a tombstone passes through, the good records around
 * them come out once, in order.
 */
class RawTopicCorpusIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @Test
  void everyUndecodableRecordIsADeadLetterAndTheGoodOnesAroundThemComeOutOnce() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "rawcorpus", 1);
    byte[] valid = new AvroSerializer<>(RawArticle.class).serialize(kit.raw(), EnrichTestKit.article("x", "Three people died."));
    byte[] random = new byte[256];
    new Random(42).nextBytes(random);
    byte[] unknownFingerprint = valid.clone();
    for (int i = 2; i < 10; i++) {
      unknownFingerprint[i] ^= (byte) 0x5A; // C3 01 kept, the 8 fingerprint bytes name no schema
    }
    Map<String, String> bad = new LinkedHashMap<>(); // key -> what the dead letter's message says
    bad.put("random", "not Avro single-object encoding");
    bad.put("empty", "not Avro single-object encoding");
    bad.put("header-only", "not Avro single-object encoding");
    bad.put("unknown-fingerprint", "written with a schema this reader does not know");
    bad.put("truncated", "corrupt body");
    bad.put("no-body", "corrupt body");

    kit.produce(List.of(EnrichTestKit.article("good-1", "Two soldiers were captured.")));
    kit.produceBytes("random", random);
    kit.produceBytes("empty", new byte[0]);
    kit.produceBytes("header-only", new byte[] {(byte) 0xC3, 0x01});
    kit.produceBytes("unknown-fingerprint", unknownFingerprint);
    kit.produceBytes("truncated", Arrays.copyOf(valid, valid.length / 2));
    kit.produceBytes("no-body", Arrays.copyOf(valid, 10));
    kit.produceBytes("gone", null);
    kit.produce(List.of(EnrichTestKit.article("good-2", "Five people died.")));

    try (EnrichService service = EnrichService.start(kit.config("rawcorpus-1"))) {
      List<ConsumerRecord<String, EnrichedArticle>> out = kit.enrichedRecords(3, Duration.ofSeconds(1));
      List<ConsumerRecord<String, byte[]>> dead = kit.deadLetters(bad.size());

      assertThat(out).extracting(ConsumerRecord::key).containsExactly("good-1", "gone", "good-2");
      assertThat(out.get(1).value()).as("a tombstone passes through as a tombstone").isNull();
      assertThat(dead).extracting(ConsumerRecord::key).containsExactlyElementsOf(bad.keySet());
      for (ConsumerRecord<String, byte[]> letter : dead) {
        Map<String, String> headers = headers(letter);
        assertThat(headers).as(letter.key()).containsEntry(DeadLetter.REASON, "undecodable");
        assertThat(headers.get(DeadLetter.MESSAGE)).as(letter.key()).contains(bad.get(letter.key()));
      }
      assertThat(dead.get(0).value()).as("the original bytes are kept").isEqualTo(random);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics(service.port()))
          .contains("newsflow_enrich_dlq_records_total{reason=\"undecodable\",service=\"enrich-service\"} 6.0"));
    }
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : record.headers()) {
      headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static String metrics(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
