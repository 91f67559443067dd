package io.newsflow.testing;

import java.util.Set;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka's own in-JVM KRaft cluster ({@link KafkaClusterTestKit}): real brokers on loopback,
 * started in a couple of seconds, no Docker. One broker runs combined with its controller; a
 * multi-broker cluster gets a separate controller so any broker can be stopped.
 */
final class EmbeddedKafkaCluster implements KafkaCluster {

  private final KafkaClusterTestKit kit;

  EmbeddedKafkaCluster(int brokers) throws Exception {
    String replication = String.valueOf(Math.min(brokers, 3));
    String transactionMinIsr = String.valueOf(Math.max(1, Math.min(brokers, 3) - 1));
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(brokers == 1)
        .setNumBrokerNodes(brokers)
        .setNumControllerNodes(1)
        .build();
    kit = new KafkaClusterTestKit.Builder(nodes)
        // Internal topics sized to the cluster, so transactions and groups work on one broker.
        .setConfigProp("offsets.topic.replication.factor", replication)
        .setConfigProp("offsets.topic.num.partitions", "5")
        .setConfigProp("transaction.state.log.replication.factor", replication)
        .setConfigProp("transaction.state.log.min.isr", transactionMinIsr)
        .setConfigProp("transaction.state.log.num.partitions", "5")
        .setConfigProp("min.insync.replicas", "1")
        .setConfigProp("default.replication.factor", replication)
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("auto.create.topics.enable", "false")
        .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
  }

  @Override
  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  @Override
  public Set<Integer> brokerIds() {
    return kit.brokers().keySet();
  }

  @Override
  public void stopBroker(int brokerId) {
    var broker = kit.brokers().get(brokerId);
    broker.shutdown();
    broker.awaitShutdown();
  }

  @Override
  public void startBroker(int brokerId) throws Exception {
    // As Kafka's own cluster tests do: the same BrokerServer starts again on its pre-bound port.
    kit.brokers().get(brokerId).startup();
    kit.waitForReadyBrokers();
  }

  @Override
  public String kind() {
    return "embedded";
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
