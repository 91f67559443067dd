package io.newsflow.aggregate;

import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.ServiceDefaults;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.Topics;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** aggregate-service's settings; see the README's configuration table. */
public record AggregateConfig(Properties kafka, Topics topics, String applicationId, String httpHost, int httpPort,
    String advertisedHost, Path stateDir, Duration timelineRetention, int standbyReplicas, int replicationFactor,
    int threads, URI ingestMetrics, URI enrichMetrics, String authToken, Settings settings) {

  public static final Map<String, String> DEFAULTS = ServiceDefaults.with(Map.ofEntries(
      Map.entry("http.port", "8083"),
      // the number is the state layout's version: a new layout must not restore an old one's stores
      Map.entry("aggregate.application.id", "newsflow-aggregate-6"),
      Map.entry("aggregate.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsflow-aggregate").toString()),
      Map.entry("aggregate.timeline.retention", "90d"),
      Map.entry("aggregate.standby.replicas", "0"),
      Map.entry("aggregate.replication.factor", "-1"),
      Map.entry("aggregate.auth.token", ""), // empty: the query API and dashboard are open
      Map.entry("aggregate.advertised.host", ""), // empty: http.host (localhost when that is 0.0.0.0)
      Map.entry("aggregate.threads", String.valueOf(Runtime.getRuntime().availableProcessors())),
      Map.entry("dashboard.ingest.metrics", "http://localhost:8081/metrics"),
      Map.entry("dashboard.enrich.metrics", "http://localhost:8082/metrics")));

  public static AggregateConfig from(Settings s) {
    String host = s.string("http.host");
    return new AggregateConfig(s.kafka(), Topics.from(s), s.string("aggregate.application.id"), host,
        s.port("http.port"), s.string("aggregate.advertised.host", host.equals("0.0.0.0") ? "localhost" : host),
        Path.of(s.string("aggregate.state.dir")), s.duration("aggregate.timeline.retention"),
        s.integer("aggregate.standby.replicas"), s.integer("aggregate.replication.factor"), s.integer("aggregate.threads"),
        uri(s, "dashboard.ingest.metrics"), uri(s, "dashboard.enrich.metrics"), s.string("aggregate.auth.token", ""), s);
  }

  private static URI uri(Settings s, String key) {
    String value = s.string(key, "");
    try {
      return value.isEmpty() ? null : new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigException(key + " must be a URL, got '" + value + "' (from " + s.origin(key) + ")");
    }
  }
}
