package io.newsflow.bench.stage;

import io.newsflow.schema.AvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Small helpers every stage uses: filling a topic (untimed) and waiting for a count. */
final class Bench {

  private Bench() {}

  /** Writes {@code records} to {@code topic}; fails unless every one was acknowledged. */
  static <T extends SpecificRecord> void fill(Properties kafka, String topic, List<T> records, Class<T> type,
      java.util.function.Function<T, String> key) throws Exception {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put("acks", "all");
    p.put("linger.ms", "10");
    p.put("compression.type", "lz4");
    try (var producer = new KafkaProducer<>(p, new StringSerializer(), new AvroSerializer<>(type))) {
      List<Future<RecordMetadata>> sent = records.stream()
          .map(r -> producer.send(new ProducerRecord<>(topic, key.apply(r), r))).toList();
      producer.flush();
      for (Future<RecordMetadata> ack : sent) {
        ack.get(); // a lost record would skew every number measured on this topic
      }
    }
  }

  /** Seconds from now until {@code count} reaches {@code target}, or an exception after {@code timeout}. */
  static double secondsUntil(long startNanos, LongSupplier count, long target, Duration timeout) throws InterruptedException {
    long deadline = startNanos + timeout.toNanos();
    while (count.getAsLong() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + count.getAsLong() + " of " + target + " done within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(5);
    }
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * {@code count} per second from the moment the first one is counted until {@code target}:
   * "ready" (a Streams client's RUNNING state) can come after a fast app has already worked
   * through part of its input, so the clock starts at the first count, and what was counted by
   * then is left out of the rate.
   */
  static double ratePerSecond(LongSupplier count, long target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long first;
    while ((first = count.getAsLong()) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("nothing done within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(0, 200_000);
    }
    long start = System.nanoTime();
    double seconds = secondsUntil(start, count, target, timeout);
    return (target - first) / seconds;
  }

  /** Waits until the stage is ready to work (group joined, tasks running); its start-up is not timed. */
  static long readyAt(java.util.function.BooleanSupplier ready) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("stage not ready within 60 s");
      }
      Thread.sleep(1);
    }
    return System.nanoTime();
  }

  static <T> long sum(List<T> items, ToLongFunction<T> f) {
    return items.stream().mapToLong(f).sum();
  }
}
