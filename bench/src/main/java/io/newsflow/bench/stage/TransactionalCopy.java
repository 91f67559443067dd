package io.newsflow.bench.stage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.stream.EnrichLoop;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The enrich stage's baseline: the same consume-transform-produce loop with the same
 * transaction settings (enrich-service's consumer and producer configuration, offsets in the
 * transaction), copying each record's bytes unchanged.
 */
final class TransactionalCopy implements Runnable, AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final String in;
  private final String out;
  private final AtomicLong copied = new AtomicLong();
  private volatile boolean assigned;
  private volatile boolean closing;

  /** Uses enrich-service's own client settings ({@link EnrichLoop}), so the baseline cannot drift from them. */
  TransactionalCopy(EnrichConfig config) {
    this.in = config.topics().raw();
    this.out = config.topics().enriched();
    consumer = new KafkaConsumer<>(EnrichLoop.consumerConfig(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    producer = new KafkaProducer<>(EnrichLoop.producerConfig(config), new ByteArraySerializer(), new ByteArraySerializer());
  }

  long copied() {
    return copied.get();
  }

  boolean assigned() {
    return assigned;
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(in), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
          assigned = !partitions.isEmpty();
        }
      });
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          producer.send(new ProducerRecord<>(out, r.key(), r.value()));
          offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
        copied.addAndGet(records.count());
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
      producer.close();
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
  }
}
