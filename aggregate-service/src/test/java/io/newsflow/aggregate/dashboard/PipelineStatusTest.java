package io.newsflow.aggregate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newsflow.runtime.ServiceMetrics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineStatusTest {

  @Test
  @SuppressWarnings("unchecked")
  void readsOtherServicesOverHttpAndThisOneFromItsRegistry() throws Exception {
    String enrichMetrics = """
        # TYPE newsflow_enrich_records_out_total counter
        newsflow_enrich_records_out_total{service="enrich-service"} 42.0
        newsflow_enrich_dlq_records_total{reason="undecodable",service="enrich-service"} 2.0
        newsflow_enrich_dlq_records_total{reason="too_large",service="enrich-service"} 1.0
        kafka_consumer_fetch_manager_records_lag_max{client_id="a"} 7.0
        kafka_consumer_fetch_manager_records_lag_max{client_id="b"} 3.0
        """;
    HttpServer enrich = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    enrich.createContext("/metrics", exchange -> {
      byte[] body = enrichMetrics.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    enrich.start();
    try (ServiceMetrics own = new ServiceMetrics("aggregate-service")) {
      Counter.builder("newsflow_aggregate_records_aggregated").register(own.registry()).increment(5);
      Timer.builder("newsflow_aggregate_end_to_end_latency").publishPercentiles(0.5, 0.99).register(own.registry())
          .record(Duration.ofMillis(250));
      PipelineStatus status = new PipelineStatus(URI.create("http://localhost:1/metrics"),
          URI.create("http://localhost:" + enrich.getAddress().getPort() + "/metrics"), own, () -> 25);

      Map<String, Object> snapshot = status.snapshot();

      assertThat((Map<String, Object>) snapshot.get("ingest")).containsEntry("up", false).containsEntry("onTopic", 25L);
      assertThat((Map<String, Object>) snapshot.get("enrich")).containsEntry("up", true).containsEntry("enriched", 42.0)
          .containsEntry("dlq", 3.0).containsEntry("lag", 7.0);
      Map<String, Object> aggregate = (Map<String, Object>) snapshot.get("aggregate");
      assertThat(aggregate).containsEntry("aggregated", 5.0);
      assertThat((double) aggregate.get("endToEndP50")).isBetween(0.2, 0.3);
    } finally {
      enrich.stop(0);
    }
  }
}
