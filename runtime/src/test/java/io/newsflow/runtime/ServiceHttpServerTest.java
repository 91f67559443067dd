package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceHttpServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesPrometheusMetricsAndHealth() throws Exception {
    AtomicBoolean up = new AtomicBoolean(true);
    try (ServiceMetrics metrics = new ServiceMetrics("test-service");
        ServiceHttpServer server = ServiceHttpServer.start("localhost", 0, metrics,
            () -> up.get() ? Health.up(Map.of("kafka", "connected")) : Health.down(Map.of("kafka", "lost")),
            config -> config.routes.get("/hello", ctx -> ctx.result("hi")))) {
      Counter.builder("newsflow_test_events").register(metrics.registry()).increment(3);

      HttpResponse<String> scrape = get(server, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(scrape.body())
          .contains("newsflow_test_events_total{service=\"test-service\"} 3.0")
          .contains("jvm_memory_used_bytes");

      assertThat(get(server, "/health").statusCode()).isEqualTo(200);
      assertThat(get(server, "/health").body()).contains("\"status\":\"UP\"").contains("connected");
      up.set(false);
      assertThat(get(server, "/health").statusCode()).isEqualTo(503);
      assertThat(get(server, "/hello").body()).isEqualTo("hi");
    }
  }

  @Test
  void takenPortIsAConfigError() throws Exception {
    try (ServiceMetrics metrics = new ServiceMetrics("a");
        ServiceHttpServer first = ServiceHttpServer.start("localhost", 0, metrics, () -> Health.up(Map.of()), c -> {})) {
      assertThatThrownBy(() -> ServiceHttpServer.start("localhost", first.port(), metrics, () -> Health.up(Map.of()), c -> {}))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("http.port: port " + first.port());
    }
  }

  private HttpResponse<String> get(ServiceHttpServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
