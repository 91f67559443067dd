package io.newsflow.aggregate.dashboard;

import io.newsflow.runtime.TopicOffsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;

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
      return TopicOffsets.latest(admin, List.of(topic), Duration.ofSeconds(2)).values().stream()
          .mapToLong(Long::longValue).sum();
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
