package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health follows the broker: 503 while it is gone, 200 once it is back, whatever the service itself says. */
class BrokerHealthIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthTurns503WhileTheBrokerIsStoppedAnd200WhenItIsBack() throws Exception {
    try (ServiceMetrics metrics = new ServiceMetrics("probe-test");
        ServiceHttpServer server = server(metrics, Health.up(Map.of("loop", "running")))) {
      HttpResponse<String> up = health(server);
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"loop\":\"running\"").contains("\"broker\":\"ok (1 broker(s))\"");

      int broker = kafka.cluster().brokerIds().iterator().next();
      kafka.cluster().stopBroker(broker);
      try {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          HttpResponse<String> down = health(server);
          assertThat(down.statusCode()).isEqualTo(503);
          assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("no broker answered within 2 s");
        });
      } finally {
        kafka.cluster().startBroker(broker);
      }
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health(server).statusCode()).isEqualTo(200));
    }
  }

  @Test
  void aServiceThatIsDownStaysDownWithTheBrokerUp() throws Exception {
    try (ServiceMetrics metrics = new ServiceMetrics("probe-test");
        ServiceHttpServer server = server(metrics, Health.down(Map.of("loop", "stopped")))) {
      HttpResponse<String> down = health(server);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"loop\":\"stopped\"").contains("\"broker\":\"ok");
    }
  }

  private static ServiceHttpServer server(ServiceMetrics metrics, Health own) {
    return ServiceHttpServer.start("localhost", 0, metrics, kafka.clientProps(), () -> own, routes -> { });
  }

  private HttpResponse<String> health(ServiceHttpServer server) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
