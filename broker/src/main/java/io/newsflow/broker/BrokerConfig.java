package io.newsflow.broker;

import io.newsflow.runtime.Settings;
import java.nio.file.Path;
import java.util.Map;

/** Where the local broker listens and keeps its data. */
public record BrokerConfig(String host, int port, int controllerPort, Path dataDir, int defaultPartitions) {

  public static final Map<String, String> DEFAULTS = Map.of(
      "broker.host", "localhost",
      "broker.port", "9092",
      "broker.controller.port", "9093",
      "broker.data.dir", ".newsflow/kafka",
      "broker.default.partitions", "3");

  public static BrokerConfig from(Settings settings) {
    return new BrokerConfig(
        settings.string("broker.host"),
        settings.port("broker.port"),
        settings.port("broker.controller.port"),
        Path.of(settings.string("broker.data.dir")).toAbsolutePath(),
        settings.integer("broker.default.partitions"));
  }

  public String bootstrapServers() {
    return host + ":" + port;
  }
}
