package io.newsflow.aggregate.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the raw topic has received, from every producer (the ingest service, the
 * CLI, anyone else): the sum of its partitions' end offsets, or -1 while the broker does not
 * answer. The ingest service's own counters only see what it published itself.
 */
public final class RawTopicRecords implements LongSupplier, AutoCloseable {

  private final Admin admin;
  private final String topic;

  public RawTopicRecords(Properties kafka, String topic) {
    this.admin = Admin.create(kafka);
    this.topic = topic;
  }

  @Override
  public long getAsLong() {
    try {
      Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(2, TimeUnit.SECONDS).get(topic).partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
      return admin.listOffsets(partitions).all().get(2, TimeUnit.SECONDS).values().stream()
          .mapToLong(ListOffsetsResultInfo::offset).sum();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return -1; // the panel shows it as unknown
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
