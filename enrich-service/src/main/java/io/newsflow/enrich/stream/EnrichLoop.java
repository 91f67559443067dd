package io.newsflow.enrich.stream;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.Extraction;
import io.newsflow.runtime.DeadLetter;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume-transform-produce with Kafka transactions: each poll's enriched articles, its dead
 * letters and its consumer offsets commit together or not at all, so a read_committed reader of
 * the enriched topic sees every raw article exactly once, through crashes, restarts and
 * rebalances. A poison pill (undecodable bytes, an article the extractor fails on, an output too
 * large for the broker) goes to the dead-letter topic in the same transaction and never stops
 * the stream.
 */
public final class EnrichLoop implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EnrichLoop.class);
  private static final String SERVICE = "enrich-service";

  private final EnrichConfig config;
  private final Function<RawArticle, Extraction> extractor;
  private final EnrichMetrics metrics;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroDeserializer<RawArticle> rawReader = new AvroDeserializer<>(RawArticle.class);
  private final AvroSerializer<EnrichedArticle> enrichedWriter = new AvroSerializer<>(EnrichedArticle.class);
  private final int maxRecordBytes;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean closing;
  private volatile boolean running;
  private volatile Throwable fatal;
  private volatile Set<TopicPartition> assignment = Set.of();
  private final ForkJoinPool transformers;

  public EnrichLoop(EnrichConfig config, Function<RawArticle, Extraction> extractor, EnrichMetrics metrics, Clock clock) {
    this.config = config;
    this.extractor = extractor;
    this.metrics = metrics;
    this.clock = clock;
    consumer = new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Properties p = producerConfig(config);
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    int maxRequest = Integer.parseInt(String.valueOf(p.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576")));
    maxRecordBytes = maxRequest - 4096; // room for the batch and record headers
    transformers = new ForkJoinPool(config.threads());
  }

  /** The consumer side of the loop: read_committed, manual offsets, static membership. */
  public static Properties consumerConfig(EnrichConfig config) {
    Properties c = new Properties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-enrich-" + config.instanceId() + "-consumer");
    // Static membership: a restarted instance takes its partitions back at once, no rebalance wait.
    c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxPollRecords()));
    c.putAll(config.kafka());
    return c;
  }

  /** The producer side: transactional with a stable id per instance, idempotent, acks=all, lz4. */
  public static Properties producerConfig(EnrichConfig config) {
    Properties p = new Properties();
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-enrich-" + config.instanceId() + "-producer");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.putAll(config.kafka());
    return p;
  }

  public KafkaConsumer<byte[], byte[]> consumer() {
    return consumer;
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  @Override
  public void run() {
    running = true;
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(config.topics().raw()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
          assignment = Set.copyOf(consumer.assignment());
        }

        @Override
        public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
          assignment = Set.copyOf(consumer.assignment());
        }
      });
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          processInTransaction(records);
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        fatal = e;
      }
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
        | UnsupportedVersionException | InvalidProducerEpochException e) {
      fatal = e; // another instance took over this transactional id, or the cluster refuses us
      log.error("enrich loop stopped: {}", e.toString());
    } catch (RuntimeException e) {
      fatal = e;
      log.error("enrich loop failed", e);
    } finally {
      running = false;
      closeClients();
      stopped.countDown();
    }
  }

  private void processInTransaction(ConsumerRecords<byte[], byte[]> records) {
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
    records.forEach(batch::add);
    Instant now = clock.instant();
    // Extraction is CPU work: the batch is transformed on all cores, then sent in order.
    Outcome[] outcomes = new Outcome[batch.size()];
    transformers.submit(() -> IntStream.range(0, batch.size()).parallel()
        .forEach(i -> outcomes[i] = transform(batch.get(i), now))).join();
    producer.beginTransaction();
    try {
      int produced = 0;
      List<Duration> latencies = new ArrayList<>();
      for (Outcome outcome : outcomes) {
        producer.send(outcome.record());
        if (outcome.deadLetterReason() == null) {
          produced++;
        }
        if (outcome.latency() != null) {
          latencies.add(outcome.latency());
        }
      }
      producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
      producer.commitTransaction();
      metrics.committed(records.count(), produced, latencies);
      for (Outcome outcome : outcomes) {
        if (outcome.deadLetterReason() != null) {
          metrics.deadLettered(outcome.deadLetterReason());
        }
      }
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
        | UnsupportedVersionException | InvalidProducerEpochException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("transaction aborted, the batch will be read again: {}", e.toString());
      producer.abortTransaction();
      metrics.aborted();
      rewindToCommitted();
    }
  }

  /** What one input record becomes: an enriched record, or a dead letter and why. */
  private record Outcome(ProducerRecord<byte[], byte[]> record, String deadLetterReason, Duration latency) {}

  /** The enriched record, or the dead letter when the input is a poison pill. */
  private Outcome transform(ConsumerRecord<byte[], byte[]> record, Instant now) {
    String reason = "undecodable";
    try {
      RawArticle raw = rawReader.deserialize(record.topic(), record.value());
      if (raw == null) {
        return new Outcome(new ProducerRecord<>(config.topics().enriched(), record.key(), null), null, null); // a deletion passes through
      }
      reason = "extractor_failed";
      long started = System.nanoTime();
      Extraction extraction = extractor.apply(raw);
      metrics.extracted(System.nanoTime() - started, extraction.actors().size(), extraction.casualties().size());
      byte[] value = enrichedWriter.serialize(config.topics().enriched(), ArticleEnricher.enrich(raw, extraction, now));
      if (value.length > maxRecordBytes) {
        reason = "too_large";
        throw new RecordTooLargeException("enriched article is " + value.length + " bytes, over the "
            + maxRecordBytes + " a record may have under max.request.size");
      }
      // Hosts' clocks differ: an article stamped "in the future" counts as no latency, not a negative one.
      Duration latency = Duration.between(raw.getIngestedAt(), now);
      return new Outcome(new ProducerRecord<>(config.topics().enriched(), record.key(), value), null,
          latency.isNegative() ? Duration.ZERO : latency);
    } catch (SerializationException | RecordTooLargeException e) {
      return new Outcome(DeadLetter.of(record, config.topics().dlq(), SERVICE, reason, e), reason, null);
    } catch (RuntimeException e) {
      log.warn("{} at {}-{}@{}: {}", reason, record.topic(), record.partition(), record.offset(), e.toString());
      return new Outcome(DeadLetter.of(record, config.topics().dlq(), SERVICE, reason, e), reason, null);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    return offsets;
  }

  /** After an abort, read the batch again from the last committed offsets. */
  private void rewindToCommitted() {
    Set<TopicPartition> assigned = consumer.assignment();
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
    for (TopicPartition partition : assigned) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        consumer.seek(partition, offset);
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
    }
  }

  public boolean isRunning() {
    return running && fatal == null;
  }

  public Throwable fatalError() {
    return fatal;
  }

  public Set<TopicPartition> assignment() {
    return assignment;
  }

  /** Finishes or aborts the transaction in flight, leaves the group, closes the clients. */
  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      if (!stopped.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        log.warn("enrich loop did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeClients() {
    transformers.shutdown();
    try {
      consumer.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      log.debug("consumer close", e);
    }
    try {
      producer.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      log.debug("producer close", e);
    }
  }
}
