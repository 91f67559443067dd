package io.newsflow.enrich.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What enrichment counts: records in and out, dead letters by reason, extraction time, latency. */
public final class EnrichMetrics {

  private final MeterRegistry registry;
  private final Counter in;
  private final Counter out;
  private final Timer extraction;
  private final Timer ingestToEnrich;
  private final DistributionSummary actors;
  private final DistributionSummary casualties;
  private final Counter transactions;
  private final Counter aborts;

  public EnrichMetrics(MeterRegistry registry) {
    this.registry = registry;
    in = Counter.builder("newsflow_enrich_records_in").description("Raw records consumed and committed").register(registry);
    out = Counter.builder("newsflow_enrich_records_out").description("Enriched articles produced and committed").register(registry);
    extraction = Timer.builder("newsflow_enrich_extraction").publishPercentiles(0.5, 0.95, 0.99).register(registry);
    ingestToEnrich = Timer.builder("newsflow_enrich_ingest_to_enrich_latency").publishPercentiles(0.5, 0.95, 0.99).register(registry);
    actors = DistributionSummary.builder("newsflow_enrich_actors_per_article").publishPercentiles(0.5, 0.95).register(registry);
    casualties = DistributionSummary.builder("newsflow_enrich_casualties_per_article").publishPercentiles(0.5, 0.95).register(registry);
    transactions = Counter.builder("newsflow_enrich_transactions_committed").register(registry);
    aborts = Counter.builder("newsflow_enrich_transactions_aborted").register(registry);
    for (String reason : new String[] {"undecodable", "extractor_failed", "too_large"}) {
      deadLetters(reason);
    }
  }

  void extracted(long nanos, int actorCount, int casualtyCount) {
    extraction.record(Duration.ofNanos(nanos));
    actors.record(actorCount);
    casualties.record(casualtyCount);
  }

  void committed(int records, int produced, Iterable<Duration> latencies) {
    in.increment(records);
    out.increment(produced);
    transactions.increment();
    latencies.forEach(ingestToEnrich::record);
  }

  void deadLettered(String reason) {
    deadLetters(reason).increment();
  }

  void aborted() {
    aborts.increment();
  }

  private Counter deadLetters(String reason) {
    return Counter.builder("newsflow_enrich_dlq_records").tag("reason", reason)
        .description("Records sent to the dead-letter topic, by reason").register(registry);
  }
}
