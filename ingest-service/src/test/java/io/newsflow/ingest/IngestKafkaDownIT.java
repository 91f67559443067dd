package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.runtime.Settings;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing is acknowledged that Kafka did not acknowledge: with the broker gone, POST answers 503. */
class IngestKafkaDownIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @Test
  void answers503WhileTheBrokerIsDownAnd202WhenItIsBack() throws Exception {
    Settings settings = Settings.load(IngestConfig.DEFAULTS, null, Map.of(
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "NEWSFLOW_HTTP_PORT", "0",
        "NEWSFLOW_INGEST_ACK_TIMEOUT", "4s",
        "NEWSFLOW_KAFKA_MAX_BLOCK_MS", "2000",
        "NEWSFLOW_KAFKA_REQUEST_TIMEOUT_MS", "1500",
        "NEWSFLOW_KAFKA_DELIVERY_TIMEOUT_MS", "3000"));
    HttpClient http = HttpClient.newHttpClient();
    try (IngestService service = IngestService.start(IngestConfig.from(settings))) {
      URI articles = URI.create("http://localhost:" + service.port() + "/articles");
      assertThat(http.send(post(articles, "d1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
      // a repeat of an acknowledged article is acknowledged without a send, so the outage needs a new one
      HttpRequest post = post(articles, "d2");

      int broker = kafka.cluster().brokerIds().iterator().next();
      kafka.cluster().stopBroker(broker);
      try {
        HttpResponse<String> down = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body()).contains("Kafka did not acknowledge").contains("retry");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("latest send failed");
      } finally {
        kafka.cluster().startBroker(broker);
      }
      HttpResponse<String> back = null;
      for (int attempt = 0; attempt < 10 && (back == null || back.statusCode() != 202); attempt++) {
        back = http.send(post, HttpResponse.BodyHandlers.ofString());
      }
      assertThat(back.statusCode()).isEqualTo(202);
      // the broker probe remembers its answer for a few seconds
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
    }
  }

  private static HttpRequest post(URI articles, String id) {
    return HttpRequest.newBuilder(articles).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"text\":\"Three people died.\"}")).build();
  }
}
