package io.newsflow.broker;

import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/** {@code ./newsflow topics}: the topics on the configured cluster, with partition counts. */
public final class TopicList {

  private TopicList() {}

  public static void main(String[] args) throws Exception {
    Properties kafka;
    try {
      kafka = Settings.load(Map.of("kafka.bootstrap.servers", "localhost:9092")).kafka();
      KafkaConnectivity.requireReachable(kafka, Duration.ofSeconds(5));
    } catch (ConfigException e) {
      System.err.println("newsflow topics: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (Admin admin = Admin.create(kafka)) {
      var names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(10, TimeUnit.SECONDS);
      Map<String, TopicDescription> topics =
          new TreeMap<>(admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS));
      if (topics.isEmpty()) {
        System.out.println("(no topics yet)");
      }
      topics.forEach((name, d) -> System.out.printf("%-32s %d partition(s)%n", name, d.partitions().size()));
    }
  }
}
