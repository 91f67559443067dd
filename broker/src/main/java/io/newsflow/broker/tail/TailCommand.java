package io.newsflow.broker.tail;

import io.newsflow.runtime.CommittedReader;
import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./newsflow tail raw|enriched|stats|dlq [--from-beginning] [--actor ID] [--max N]}: the
 * console consumer for newsflow's Avro. Prints the topic's committed records as JSON Lines,
 * following until Ctrl-C unless --max is given; a record it cannot decode is one line on stderr
 * and the tail goes on. Reads every partition without a consumer group, so it commits nothing.
 * Exit codes: 0 done, 1 no such topic, 2 usage error, 3 Kafka unreachable.
 */
public final class TailCommand {

  private static final Duration POLL = Duration.ofMillis(500);

  private final PrintStream out;
  private final PrintStream err;
  private final Duration connectTimeout;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean stopped;

  TailCommand(PrintStream out, PrintStream err, Duration connectTimeout) {
    this.out = out;
    this.err = err;
    this.connectTimeout = connectTimeout;
  }

  public static void main(String[] args) {
    TailCommand tail = new TailCommand(System.out, System.err, Duration.ofSeconds(5));
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { // Ctrl-C: leave the poll, close the consumer
      tail.stop();
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    int code = tail.run(args, Settings.load(defaults()));
    finished.countDown();
    System.exit(code);
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>(Topics.DEFAULTS);
    defaults.put("kafka.bootstrap.servers", "localhost:9092");
    return defaults;
  }

  int run(String[] args, Settings settings) {
    TailOptions options;
    String topic;
    Properties kafka;
    try {
      options = TailOptions.parse(args);
      topic = options.kind().topic(Topics.from(settings));
      kafka = settings.kafka();
    } catch (ConfigException e) {
      err.println("newsflow tail: " + e.getMessage());
      return 2;
    }
    try {
      KafkaConnectivity.requireReachable(kafka, connectTimeout);
    } catch (ConfigException e) {
      err.println("newsflow tail: Kafka is not reachable: " + e.getMessage());
      return 3;
    }
    try (KafkaConsumer<byte[], byte[]> opened = new KafkaConsumer<>(consumerProps(kafka))) {
      consumer = opened;
      return tail(opened, topic, options);
    } catch (WakeupException e) {
      return 0; // Ctrl-C
    }
  }

  void stop() {
    stopped = true;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  private int tail(KafkaConsumer<byte[], byte[]> consumer, String topic, TailOptions options) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      err.println("newsflow tail: topic " + topic + " does not exist (yet); './newsflow topics' lists them");
      return 1;
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    if (options.fromBeginning()) {
      consumer.seekToBeginning(assigned);
    } else {
      consumer.seekToEnd(assigned);
    }
    RecordLines lines = new RecordLines(options.kind(), options.actor());
    long printed = 0;
    while (!stopped) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (print(lines, record)) {
          printed++;
        }
        if (!options.following() && printed >= options.max()) {
          out.flush();
          return 0;
        }
      }
      out.flush();
    }
    return 0;
  }

  /** Prints the record's line (or its decoding error on stderr); false when --actor left it out. */
  private boolean print(RecordLines lines, ConsumerRecord<byte[], byte[]> record) {
    try {
      Optional<String> line = lines.line(record);
      line.ifPresent(out::println);
      return line.isPresent();
    } catch (SerializationException e) {
      err.println("newsflow tail: " + record.topic() + " partition " + record.partition() + " offset "
          + record.offset() + ": " + e.getMessage());
      return true;
    }
  }

  private static Properties consumerProps(Properties kafka) {
    Properties props = CommittedReader.props(kafka, "newsflow-tail");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }
}
