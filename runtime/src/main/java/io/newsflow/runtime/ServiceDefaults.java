package io.newsflow.runtime;

import java.util.HashMap;
import java.util.Map;

/** Defaults every service shares (broker address, topics, HTTP host), plus the service's own. */
public final class ServiceDefaults {

  private ServiceDefaults() {}

  public static Map<String, String> with(Map<String, String> own) {
    Map<String, String> defaults = new HashMap<>(Topics.DEFAULTS);
    defaults.putAll(TopicSetup.DEFAULTS);
    defaults.put("kafka.bootstrap.servers", "localhost:9092");
    defaults.put("http.host", "localhost");
    defaults.putAll(own);
    return Map.copyOf(defaults);
  }
}
