package io.newsflow.enrich;

import io.newsflow.runtime.Settings;
import io.newsflow.runtime.ServiceDefaults;
import io.newsflow.runtime.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Properties;

/** enrich-service's settings; see the README's configuration table. */
public record EnrichConfig(Properties kafka, Topics topics, String groupId, String instanceId, String httpHost,
    int httpPort, int maxPollRecords, int threads, Settings settings) {

  public static final Map<String, String> DEFAULTS = ServiceDefaults.with(Map.of(
      "http.port", "8082",
      "enrich.group.id", "newsflow-enrich",
      "enrich.max.poll.records", "500",
      "enrich.instance.id", "", // empty: this host's name
      "enrich.threads", String.valueOf(Runtime.getRuntime().availableProcessors())));

  public static EnrichConfig from(Settings s) {
    return new EnrichConfig(s.kafka(), Topics.from(s), s.string("enrich.group.id"),
        s.string("enrich.instance.id", hostName()), s.string("http.host"), s.port("http.port"),
        s.integer("enrich.max.poll.records"), s.integer("enrich.threads"), s);
  }

  /** The transactional id: stable per instance, so a restarted instance fences its crashed self. */
  public String transactionalId() {
    return "newsflow-enrich-" + instanceId;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
