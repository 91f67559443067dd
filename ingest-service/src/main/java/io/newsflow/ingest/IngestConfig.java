package io.newsflow.ingest;

import io.newsflow.runtime.Settings;
import io.newsflow.runtime.Topics;
import io.newsflow.runtime.TopicSetup;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** ingest-service's settings, read once at start-up; see the README's configuration table. */
public record IngestConfig(Properties kafka, Topics topics, String httpHost, int httpPort, long maxTextBytes,
    long maxRequestBytes, boolean strict, String authToken, List<String> feeds, Duration feedInterval,
    Duration ackTimeout, Settings settings) {

  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new HashMap<>(Topics.DEFAULTS);
    d.putAll(TopicSetup.DEFAULTS);
    d.put("kafka.bootstrap.servers", "localhost:9092");
    d.put("http.host", "localhost");
    d.put("http.port", "8081");
    d.put("ingest.max.text.bytes", String.valueOf(1024 * 1024));
    d.put("ingest.max.request.bytes", String.valueOf(8 * 1024 * 1024));
    d.put("ingest.strict", "false");
    d.put("ingest.auth.token", "");
    d.put("ingest.feeds", "");
    d.put("ingest.feed.interval", "5m");
    d.put("ingest.ack.timeout", "10s");
    return Map.copyOf(d);
  }

  public static IngestConfig from(Settings s) {
    List<String> feeds = Arrays.stream(s.string("ingest.feeds", "").split(","))
        .map(String::trim).filter(f -> !f.isEmpty()).toList();
    return new IngestConfig(s.kafka(), Topics.from(s), s.string("http.host"), s.port("http.port"),
        s.longValue("ingest.max.text.bytes"), s.longValue("ingest.max.request.bytes"), s.bool("ingest.strict"),
        s.string("ingest.auth.token", ""), feeds, s.duration("ingest.feed.interval"), s.duration("ingest.ack.timeout"), s);
  }
}
