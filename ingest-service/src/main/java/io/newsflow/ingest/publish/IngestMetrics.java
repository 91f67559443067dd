package io.newsflow.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.ingest.article.RejectReason;

/** What ingestion counts: articles and bytes published by source, rejections by reason, produce latency. */
public final class IngestMetrics {

  private final MeterRegistry registry;
  private final Timer produceLatency;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.produceLatency = Timer.builder("newsflow_ingest_produce_latency")
        .description("Time from send to Kafka's acknowledgement")
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(registry);
    for (RejectReason reason : RejectReason.values()) {
      rejectedCounter(reason); // every series shows in /metrics from the start, at 0, so rate() works
    }
    for (String source : new String[] {"http", "feed", "file"}) {
      publishedCounter(source);
      bytesCounter(source);
    }
  }

  private Counter publishedCounter(String source) {
    return Counter.builder("newsflow_ingest_articles_published").tag("source", source)
        .description("Articles Kafka acknowledged, by source").register(registry);
  }

  private Counter bytesCounter(String source) {
    return Counter.builder("newsflow_ingest_bytes_published").tag("source", source).baseUnit("bytes")
        .description("Serialized bytes Kafka acknowledged, by source").register(registry);
  }

  public void published(String source, long bytes, long nanos) {
    String kind = source.contains(":") ? source.substring(0, source.indexOf(':')) : source;
    publishedCounter(kind).increment();
    bytesCounter(kind).increment(bytes);
    produceLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public void rejected(RejectReason reason) {
    rejectedCounter(reason).increment();
  }

  private Counter rejectedCounter(RejectReason reason) {
    return Counter.builder("newsflow_ingest_rejected").tag("reason", reason.tag())
        .description("Inputs not published, by reason").register(registry);
  }
}
