package io.newsflow.bench.stage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * transaction settings (read_committed, 500 records per poll and transaction, offsets in the
 * transaction, lz4, linger 5 ms), copying each record's bytes unchanged.
 */
final class TransactionalCopy implements Runnable, AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final String in;
  private final String out;
  private final AtomicLong copied = new AtomicLong();
  private volatile boolean assigned;
  private volatile boolean closing;

  TransactionalCopy(Properties kafka, String in, String out, String id) {
    this.in = in;
    this.out = out;
    Properties c = new Properties();
    c.putAll(kafka);
    c.put("group.id", "copy-" + id);
    c.put("isolation.level", "read_committed");
    c.put("enable.auto.commit", "false");
    c.put("auto.offset.reset", "earliest");
    c.put("max.poll.records", "500");
    consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Properties p = new Properties();
    p.putAll(kafka);
    p.put("transactional.id", "copy-" + id);
    p.put("enable.idempotence", "true");
    p.put("acks", "all");
    p.put("compression.type", "lz4");
    p.put("linger.ms", "5");
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
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
