package io.newsflow.testing;

import java.util.Set;

/** A real Kafka cluster a test talks to: in-JVM KRaft or a container. */
public interface KafkaCluster extends AutoCloseable {

  String bootstrapServers();

  Set<Integer> brokerIds();

  /** Stops one broker (its partitions fail over to the others); reliability tests use it. */
  void stopBroker(int brokerId) throws Exception;

  /** Starts a broker stopped by {@link #stopBroker}, on the same address. */
  void startBroker(int brokerId) throws Exception;

  /** "embedded" or "container", for test logs. */
  String kind();

  @Override
  void close() throws Exception;
}
