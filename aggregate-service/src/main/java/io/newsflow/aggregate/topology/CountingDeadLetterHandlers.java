package io.newsflow.aggregate.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' own log-and-continue handlers, which write the bad record to
 * {@code errors.dead.letter.queue.topic.name}, plus a count in /metrics. The meter registry
 * arrives through the Streams config under {@link #REGISTRY}.
 */
public final class CountingDeadLetterHandlers {

  public static final String REGISTRY = "newsflow.metrics.registry";

  private CountingDeadLetterHandlers() {}

  static Counter counter(Map<String, ?> configs, String reason) {
    Object registry = configs.get(REGISTRY);
    if (!(registry instanceof MeterRegistry meters)) {
      return null;
    }
    return Counter.builder("newsflow_aggregate_dlq_records").tag("reason", reason)
        .description("Records sent to the dead-letter topic, by reason").register(meters);
  }

  /** Undecodable input. */
  public static final class Deserialization extends LogAndContinueExceptionHandler {
    private Counter count;

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      count = counter(configs, "undecodable");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      if (count != null) {
        count.increment();
      }
      return super.handleError(context, record, exception);
    }
  }

  /** A record the topology failed on. */
  public static final class Processing extends LogAndContinueProcessingExceptionHandler {
    private Counter count;

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      count = counter(configs, "processing_failed");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      if (count != null) {
        count.increment();
      }
      return super.handleError(context, record, exception);
    }
  }
}
