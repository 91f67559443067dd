package io.newsflow.ingest;

import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.ingest.source.ArticlesEndpoint;
import io.newsflow.ingest.source.FeedPoller;
import io.newsflow.ingest.source.JsonArticleReader;
import io.newsflow.runtime.Health;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.ServiceHttpServer;
import io.newsflow.runtime.ServiceLauncher;
import io.newsflow.runtime.ServiceMetrics;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.TopicSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** ingest-service: {@code POST /articles} and configured feeds, published to the raw topic. */
public final class IngestService implements AutoCloseable {

  private final ServiceMetrics metrics;
  private final RawArticlePublisher publisher;
  private final ServiceHttpServer http;
  private final ScheduledExecutorService feeds;

  private IngestService(ServiceMetrics metrics, RawArticlePublisher publisher, ServiceHttpServer http,
      ScheduledExecutorService feeds) {
    this.metrics = metrics;
    this.publisher = publisher;
    this.http = http;
    this.feeds = feeds;
  }

  /** How many published articles the service recognises as repeats (id and content hash, about 100 bytes each). */
  static final int REMEMBERED_ARTICLES = 100_000;

  public static void main(String[] args) {
    ServiceLauncher.run("ingest-service", () -> start(IngestConfig.from(Settings.load(IngestConfig.DEFAULTS))));
  }

  public static IngestService start(IngestConfig config) {
    KafkaConnectivity.requireReachable(config.kafka(), Duration.ofSeconds(10));
    TopicSetup.ensure(config.kafka(), config.topics(), config.settings());
    ServiceMetrics metrics = new ServiceMetrics("ingest-service");
    IngestMetrics ingestMetrics = new IngestMetrics(metrics.registry());
    RawArticlePublisher publisher = new RawArticlePublisher(config.kafka(), config.topics().raw(), ingestMetrics);
    metrics.bindProducer(publisher.producer());
    // HTTP and feeds share one memory of what was published: an article both carry is sent once
    ArticleIntake intake = new ArticleIntake(config.articleFactory(), publisher, ingestMetrics, REMEMBERED_ARTICLES);
    ArticlesEndpoint endpoint = new ArticlesEndpoint(intake, new JsonArticleReader(config.strict()),
        config.authToken(), config.maxRequestBytes(), config.ackTimeout());
    List<FeedPoller> pollers = config.feeds().stream()
        .map(url -> new FeedPoller(URI.create(url), HttpClient.newHttpClient(), intake, config.ackTimeout()))
        .toList();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "feed-poller"));
    for (FeedPoller poller : pollers) {
      scheduler.scheduleWithFixedDelay(poller::poll, 0, config.feedInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
    ServiceHttpServer http = ServiceHttpServer.start(config.httpHost(), config.httpPort(), metrics, config.kafka(),
        () -> {
          String failure = publisher.lastFailure();
          Map<String, Object> details = Map.of("topic", config.topics().raw(), "feeds", config.feeds().size(),
              "kafka", failure == null ? "ok" : "latest send failed: " + failure);
          return failure == null ? Health.up(details) : Health.down(details);
        }, endpoint::register);
    return new IngestService(metrics, publisher, http, scheduler);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    feeds.shutdownNow();
    http.close();
    publisher.close();
    metrics.close();
  }
}
