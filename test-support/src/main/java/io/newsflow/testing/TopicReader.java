package io.newsflow.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads what a topic holds, as a downstream consumer would (read_committed, from the start). */
public final class TopicReader {

  private TopicReader() {}

  /**
   * Polls until {@code expected} records arrived or {@code timeout} passed, then keeps polling
   * for {@code settle} more, so a test also sees records that should not be there (duplicates).
   */
  public static <K, V> List<ConsumerRecord<K, V>> read(KafkaClusterExtension kafka, String topic,
      Deserializer<K> keys, Deserializer<V> values, int expected, Duration timeout, Duration settle) {
    Properties props = kafka.consumerProps("reader-" + UUID.randomUUID());
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      long settleUntil = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < settleUntil) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }
}
