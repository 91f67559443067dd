package io.newsflow.enrich;

import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.enrich.stream.ArticleEnricher;
import io.newsflow.enrich.stream.EnrichLoop;
import io.newsflow.enrich.stream.EnrichMetrics;
import io.newsflow.runtime.Health;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.ServiceHttpServer;
import io.newsflow.runtime.ServiceLauncher;
import io.newsflow.runtime.ServiceMetrics;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.TopicSetup;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** enrich-service: raw articles in, enriched articles out, exactly once; /metrics and /health. */
public final class EnrichService implements AutoCloseable {

  private final ServiceMetrics metrics;
  private final EnrichLoop loop;
  private final Thread thread;
  private final ServiceHttpServer http;

  private EnrichService(ServiceMetrics metrics, EnrichLoop loop, Thread thread, ServiceHttpServer http) {
    this.metrics = metrics;
    this.loop = loop;
    this.thread = thread;
    this.http = http;
  }

  public static void main(String[] args) {
    ServiceLauncher.run("enrich-service", () -> start(EnrichConfig.from(Settings.load(EnrichConfig.DEFAULTS))));
  }

  public static EnrichService start(EnrichConfig config) {
    return start(config, ArticleEnricher.extractingWith(new Extractor()));
  }

  /** Starts with the given extraction function (tests pass one that fails on purpose). */
  public static EnrichService start(EnrichConfig config, Function<RawArticle, Extraction> extractor) {
    KafkaConnectivity.requireReachable(config.kafka(), Duration.ofSeconds(10));
    TopicSetup.ensure(config.kafka(), config.topics(), config.settings());
    ServiceMetrics metrics = new ServiceMetrics("enrich-service");
    EnrichLoop loop = new EnrichLoop(config, extractor, new EnrichMetrics(metrics.registry()), Clock.systemUTC());
    metrics.bindConsumer(loop.consumer());
    metrics.bindProducer(loop.producer());
    Thread thread = new Thread(loop, "enrich-loop");
    thread.start();
    ServiceHttpServer http = ServiceHttpServer.start(config.httpHost(), config.httpPort(), metrics, config.kafka(), () -> {
      Map<String, Object> details = Map.of(
          "instance", config.instanceId(),
          "partitions", loop.assignment().size(),
          "error", loop.fatalError() == null ? "none" : loop.fatalError().toString());
      return loop.isRunning() ? Health.up(details) : Health.down(details);
    }, routes -> { });
    return new EnrichService(metrics, loop, thread, http);
  }

  public EnrichLoop loop() {
    return loop;
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
    thread.join(30_000);
    http.close();
    metrics.close();
  }
}
