package io.newsflow.testing;

import java.util.Set;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A single apache/kafka broker in Docker through Testcontainers, for machines with a Docker
 * engine. Stopping the broker pauses its container (clients see it vanish, state is kept);
 * multi-broker clusters always run embedded.
 */
final class ContainerKafkaCluster implements KafkaCluster {

  static final String IMAGE = "apache/kafka:4.1.0";

  private final KafkaContainer container;

  ContainerKafkaCluster() {
    container = new KafkaContainer(IMAGE)
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    container.start();
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public Set<Integer> brokerIds() {
    return Set.of(1);
  }

  @Override
  public void stopBroker(int brokerId) {
    container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void startBroker(int brokerId) {
    container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public String kind() {
    return "container";
  }

  @Override
  public void close() {
    container.stop();
  }
}
