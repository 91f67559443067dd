package io.newsflow.aggregate.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.newsflow.runtime.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The dashboard's pipeline panel: reads the other services' {@code /metrics} on the server side
 * (so the page needs no cross-origin access) and this service's meters directly, and answers
 * cumulative counters; the page turns successive answers into rates.
 */
public final class PipelineStatus {

  private final URI ingestMetrics;
  private final URI enrichMetrics;
  private final ServiceMetrics own;
  private final LongSupplier rawRecords;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  public PipelineStatus(URI ingestMetrics, URI enrichMetrics, ServiceMetrics own, LongSupplier rawRecords) {
    this.ingestMetrics = ingestMetrics;
    this.enrichMetrics = enrichMetrics;
    this.own = own;
    this.rawRecords = rawRecords;
  }

  public Map<String, Object> snapshot() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("at", System.currentTimeMillis());
    String ingest = fetch(ingestMetrics);
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("up", ingest != null);
    i.put("onTopic", rawRecords.getAsLong()); // from every producer, the CLI included
    if (ingest != null) {
      i.put("published", PrometheusText.sum(ingest, "newsflow_ingest_articles_published_total"));
      i.put("rejected", PrometheusText.sum(ingest, "newsflow_ingest_rejected_total"));
    }
    status.put("ingest", i);
    String enrich = fetch(enrichMetrics);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("up", enrich != null);
    if (enrich != null) {
      e.put("enriched", PrometheusText.sum(enrich, "newsflow_enrich_records_out_total"));
      e.put("dlq", PrometheusText.sum(enrich, "newsflow_enrich_dlq_records_total"));
      e.put("lag", orZero(PrometheusText.max(enrich, "kafka_consumer_fetch_manager_records_lag_max", "client_id")));
      e.put("latencyP99", orZero(PrometheusText.max(enrich, "newsflow_enrich_ingest_to_enrich_latency_seconds", "quantile=\"0.99\"")));
    }
    status.put("enrich", e);
    // This service's own numbers come straight from its registry, not from its text exposition.
    MeterRegistry mine = own.registry();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("up", true);
    a.put("aggregated", mine.find("newsflow_aggregate_records_aggregated").counters().stream().mapToDouble(Counter::count).sum());
    a.put("dlq", mine.find("newsflow_aggregate_dlq_records").counters().stream().mapToDouble(Counter::count).sum());
    Timer endToEnd = mine.find("newsflow_aggregate_end_to_end_latency").timer();
    a.put("endToEndP50", endToEnd == null ? 0 : percentile(endToEnd, 0.5));
    a.put("endToEndP99", endToEnd == null ? 0 : percentile(endToEnd, 0.99));
    status.put("aggregate", a);
    return status;
  }

  private static double percentile(Timer timer, double p) {
    for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
      if (v.percentile() == p) {
        return v.value(TimeUnit.SECONDS);
      }
    }
    return 0;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private String fetch(URI uri) {
    if (uri == null) {
      return null;
    }
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return null; // the panel shows the stage as down
    }
  }
}
