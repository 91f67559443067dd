package io.newsflow.ingest.publish;

import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one producer every source publishes through: idempotent, {@code acks=all}, compressed,
 * batched; key = article id, so one article's versions stay in order on one partition.
 */
public final class RawArticlePublisher implements AutoCloseable {

  private final Producer<String, RawArticle> producer;
  private final String topic;
  private final IngestMetrics metrics;
  /** Why the latest send failed, or null once a send succeeds again: what /health reports. */
  private volatile String lastFailure;

  public RawArticlePublisher(Properties kafka, String topic, IngestMetrics metrics) {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
    props.putAll(kafka); // the user's kafka.* settings win
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(RawArticle.class));
    this.topic = topic;
    this.metrics = metrics;
  }

  public Producer<String, RawArticle> producer() {
    return producer;
  }

  /** Sends one article; the future completes when Kafka has acknowledged it. */
  public CompletableFuture<RecordMetadata> send(RawArticle article) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      producer.send(new ProducerRecord<>(topic, article.getId(), article), (metadata, error) -> {
        if (error != null) {
          lastFailure = error.toString();
          acked.completeExceptionally(error);
        } else {
          lastFailure = null;
          metrics.published(article.getSource(), metadata.serializedValueSize(), System.nanoTime() - started);
          acked.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      lastFailure = e.toString();
      acked.completeExceptionally(e); // e.g. metadata not available within max.block.ms
    }
    return acked;
  }

  /**
   * Sends every article and waits until Kafka acknowledged all of them, or throws once
   * {@code timeout} has passed: a caller waits no longer than that, whatever the broker does (no
   * {@code flush()}, which waits out the delivery timeout; no more sends once one could not be
   * queued). Articles sent before a failure may still be acknowledged later; ids are stable, so a
   * retry of the whole batch is safe.
   */
  public List<RecordMetadata> sendAll(List<RawArticle> articles, Duration timeout) throws PublishException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<RecordMetadata>> pending = new ArrayList<>();
    for (RawArticle article : articles) {
      if (System.nanoTime() > deadline) {
        throw new PublishException("Kafka did not take the articles within " + timeout.toSeconds() + " s", null);
      }
      CompletableFuture<RecordMetadata> acked = send(article);
      pending.add(acked);
      if (acked.isCompletedExceptionally()) {
        break; // it could not be queued: the wait below reports why, and the rest is not sent
      }
    }
    List<RecordMetadata> acks = new ArrayList<>();
    for (CompletableFuture<RecordMetadata> f : pending) {
      try {
        acks.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (ExecutionException e) {
        throw new PublishException("Kafka did not acknowledge the articles: " + e.getCause().getMessage(), e.getCause());
      } catch (TimeoutException e) {
        throw new PublishException("Kafka did not acknowledge the articles within " + timeout.toSeconds() + " s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException("interrupted while waiting for Kafka", e);
      }
    }
    return acks;
  }

  /** Null while Kafka acknowledges what this publisher sends; else why the latest send failed. */
  public String lastFailure() {
    return lastFailure;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /** Kafka did not take the articles: nothing may be reported as published. */
  public static final class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
