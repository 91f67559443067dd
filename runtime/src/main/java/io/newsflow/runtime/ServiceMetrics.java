package io.newsflow.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One Prometheus registry per service, tagged {@code service=<name>}, with JVM metrics and
 * Micrometer's own binders for the service's Kafka clients.
 */
public final class ServiceMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public ServiceMetrics(String service) {
    registry.config().commonTags("service", service);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public void bindProducer(Producer<?, ?> producer) {
    KafkaClientMetrics binder = new KafkaClientMetrics(producer);
    binder.bindTo(registry);
    binders.add(binder);
  }

  public void bindConsumer(Consumer<?, ?> consumer) {
    KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
    binder.bindTo(registry);
    binders.add(binder);
  }

  public void bindStreams(KafkaStreams streams) {
    KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
    binder.bindTo(registry);
    binders.add(binder);
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception ignored) {
        // closing metrics must never block a shutdown
      }
    }
    gcMetrics.close();
    registry.close();
  }
}
