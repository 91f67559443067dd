package io.newsflow.ingest;

import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.Topics;
import io.newsflow.runtime.ServiceDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** ingest-service's settings, read once at start-up; see the README's configuration table. */
public record IngestConfig(Properties kafka, Topics topics, String httpHost, int httpPort, long maxTextBytes,
    Duration maxFuture, long maxRequestBytes, boolean strict, String authToken, List<String> feeds, Duration feedInterval,
    Duration ackTimeout, Settings settings) {

  public static final Map<String, String> DEFAULTS = ServiceDefaults.with(Map.of(
      "http.port", "8081",
      "ingest.max.text.bytes", String.valueOf(1024 * 1024),
      "ingest.max.request.bytes", String.valueOf(8 * 1024 * 1024),
      "ingest.max.future", "1d",
      "ingest.strict", "false",
      "ingest.auth.token", "",
      "ingest.feeds", "",
      "ingest.feed.interval", "5m",
      "ingest.ack.timeout", "10s"));

  /** The one factory every source of this configuration uses, so each applies the same checks. */
  public ArticleFactory articleFactory() {
    return new ArticleFactory(maxTextBytes, maxFuture, Clock.systemUTC());
  }

  public static IngestConfig from(Settings s) {
    List<String> feeds = Arrays.stream(s.string("ingest.feeds", "").split(","))
        .map(String::trim).filter(f -> !f.isEmpty()).toList();
    return new IngestConfig(s.kafka(), Topics.from(s), s.string("http.host"), s.port("http.port"),
        s.longValue("ingest.max.text.bytes"), s.duration("ingest.max.future"), s.longValue("ingest.max.request.bytes"), s.bool("ingest.strict"),
        s.string("ingest.auth.token", ""), feeds, s.duration("ingest.feed.interval"), s.duration("ingest.ack.timeout"), s);
  }
}
