package io.newsflow.bench;

import io.newsflow.broker.BrokerConfig;
import io.newsflow.broker.LocalKafkaBroker;
import io.newsflow.runtime.TopicSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The one real broker every stage and every baseline of a bench run uses (the same as ./newsflow broker). */
final class BenchBroker implements AutoCloseable {

  static final int PARTITIONS = 3;

  private final LocalKafkaBroker broker;
  private final Admin admin;

  BenchBroker() throws IOException {
    Path dir = Files.createTempDirectory("newsflow-bench-kafka");
    broker = LocalKafkaBroker.start(new BrokerConfig("localhost", freePort(), freePort(), dir, PARTITIONS));
    admin = Admin.create(props());
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  Properties props() {
    Properties p = new Properties();
    p.put("bootstrap.servers", broker.bootstrapServers());
    return p;
  }

  /** Fresh topics for one run, so runs never see each other's records. */
  String topic(String stage) throws Exception {
    String name = "bench." + stage + "." + UUID.randomUUID().toString().substring(0, 8);
    admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
    TopicSetup.awaitServing(admin, List.of(name), Duration.ofSeconds(30));
    return name;
  }

  Map<String, String> env(String raw, String enriched, String dlq, String stats) {
    return Map.of("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "NEWSFLOW_TOPIC_RAW", raw,
        "NEWSFLOW_TOPIC_ENRICHED", enriched, "NEWSFLOW_TOPIC_DLQ", dlq, "NEWSFLOW_TOPIC_ACTOR_STATS", stats);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    admin.close();
    broker.close();
  }
}
