package io.newsflow.bench.stage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.enrich.stream.ArticleEnricher;
import io.newsflow.enrich.stream.EnrichLoop;
import io.newsflow.enrich.stream.EnrichMetrics;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * enrich-service's transactional loop over a topic pre-filled with the corpus, timed from start
 * until every article is committed; the baseline is {@link TransactionalCopy} on the same input.
 */
public final class EnrichStage {

  private EnrichStage() {}

  /** Fills {@code raw} with the corpus (untimed). */
  public static void prepare(Properties kafka, String raw, List<RawArticle> corpus) throws Exception {
    Bench.fill(kafka, raw, corpus, RawArticle.class, RawArticle::getId);
  }

  /** articles/s of enrich-service's loop. */
  public static double enrich(Map<String, String> env, int articles) throws Exception {
    EnrichConfig config = config(env);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EnrichLoop loop = new EnrichLoop(config, ArticleEnricher.extractingWith(new Extractor()), new EnrichMetrics(registry), Clock.systemUTC());
    Thread thread = new Thread(loop, "bench-enrich");
    thread.start();
    try {
      long start = Bench.readyAt(() -> !loop.assignment().isEmpty());
      double seconds = Bench.secondsUntil(start, () -> (long) registry.get("newsflow_enrich_records_in").counter().count(),
          articles, Duration.ofMinutes(3));
      return articles / seconds;
    } finally {
      loop.close();
      thread.join();
    }
  }

  /** records/s of the pass-through loop with enrich-service's client settings, on the same input. */
  public static double passThrough(Map<String, String> env, int records) throws Exception {
    TransactionalCopy copy = new TransactionalCopy(config(env));
    Thread thread = new Thread(copy, "bench-copy");
    thread.start();
    try {
      long start = Bench.readyAt(copy::assigned);
      double seconds = Bench.secondsUntil(start, copy::copied, records, Duration.ofMinutes(3));
      return records / seconds;
    } finally {
      copy.close();
      thread.join();
    }
  }

  /** A fresh group and instance per run, so runs never share offsets or transactional ids. */
  private static EnrichConfig config(Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    String id = UUID.randomUUID().toString().substring(0, 8);
    e.put("NEWSFLOW_ENRICH_GROUP_ID", "bench-enrich-" + id);
    e.put("NEWSFLOW_ENRICH_INSTANCE_ID", "bench-" + id);
    return EnrichConfig.from(Settings.load(EnrichConfig.DEFAULTS, null, e));
  }
}
