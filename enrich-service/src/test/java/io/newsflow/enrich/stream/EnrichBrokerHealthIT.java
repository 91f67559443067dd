package io.newsflow.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichService;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator's health check sees the broker outage on enrich-service too, and the recovery. */
class EnrichBrokerHealthIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthIs503WhileTheBrokerIsDownAndTheLoopCarriesOnOnceItIsBack() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "outage", 1);
    try (EnrichService service = EnrichService.start(kit.config("outage-1"))) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health(service).statusCode()).isEqualTo(200));

      int broker = kafka.cluster().brokerIds().iterator().next();
      kafka.cluster().stopBroker(broker);
      try {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          HttpResponse<String> down = health(service);
          assertThat(down.statusCode()).isEqualTo(503);
          assertThat(down.body()).contains("no broker answered");
        });
      } finally {
        kafka.cluster().startBroker(broker);
      }
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health(service).statusCode()).isEqualTo(200));

      kit.produce(List.of(EnrichTestKit.article("after", "Four people were killed in Kherson.")));
      assertThat(kit.enrichedRecords(1, Duration.ofSeconds(1))).hasSize(1);
    }
  }

  private HttpResponse<String> health(EnrichService service) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
