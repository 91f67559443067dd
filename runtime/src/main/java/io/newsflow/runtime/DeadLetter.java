package io.newsflow.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * A record that could not be processed, as it goes to the dead-letter topic: the original key
 * and value bytes untouched, and headers named as Kafka Streams' own dead-letter queue names
 * them ({@code __streams.errors.*}), so one DLQ reader understands every newsflow service.
 */
public final class DeadLetter {

  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String MESSAGE = "__streams.errors.message";
  public static final String STACKTRACE = "__streams.errors.stacktrace";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";
  /** newsflow's own: which service gave up on the record, and a short reason for dashboards. */
  public static final String SERVICE = "newsflow.errors.service";
  public static final String REASON = "newsflow.errors.reason";

  private DeadLetter() {}

  public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> failed, String dlqTopic,
      String service, String reason, Exception error) {
    ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(dlqTopic, null, failed.key(), failed.value());
    Headers headers = letter.headers();
    failed.headers().forEach(h -> headers.add(h.key(), h.value()));
    put(headers, EXCEPTION, error.getClass().getName());
    put(headers, MESSAGE, String.valueOf(error.getMessage()));
    put(headers, STACKTRACE, stackTrace(error));
    put(headers, TOPIC, failed.topic());
    put(headers, PARTITION, String.valueOf(failed.partition()));
    put(headers, OFFSET, String.valueOf(failed.offset()));
    put(headers, SERVICE, service);
    put(headers, REASON, reason);
    return letter;
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String stackTrace(Exception error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    String trace = out.toString();
    return trace.length() > 8000 ? trace.substring(0, 8000) : trace;
  }
}
