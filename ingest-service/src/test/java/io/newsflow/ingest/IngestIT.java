package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.ingest.source.FeedPoller;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import io.newsflow.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every source lands correct RawArticles on a real broker; bad input lands nothing. */
class IngestIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Settings settings(String topic, String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_TOPIC_RAW", topic);
    env.put("NEWSFLOW_TOPIC_ENRICHED", topic + ".enriched");
    env.put("NEWSFLOW_TOPIC_DLQ", topic + ".dlq");
    env.put("NEWSFLOW_TOPIC_ACTOR_STATS", topic + ".stats");
    env.put("NEWSFLOW_HTTP_PORT", "0");
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return Settings.load(IngestConfig.DEFAULTS, null, env);
  }

  private List<ConsumerRecord<String, RawArticle>> read(String topic, int expected) {
    return TopicReader.read(kafka, topic, new StringDeserializer(), new AvroDeserializer<>(RawArticle.class),
        expected, Duration.ofSeconds(20), Duration.ofMillis(500));
  }

  private int ingest(Settings settings, ByteArrayOutputStream err, String... paths) {
    return new IngestCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), false).run(paths, settings);
  }

  @Test
  void filesLandAsRawArticlesAndReingestingKeepsTheKeys() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("in/nested"));
    Files.copy(Path.of("../seeds/000_2b015a0ac9e7801d.txt"), dir.resolve("in/seed.txt"));
    Files.writeString(folder.resolve("b.jsonl"),
        "{\"id\":\"wire-1\",\"url\":\"https://x.org/1\",\"title\":\"T1\",\"text\":\"Two soldiers were captured.\",\"publishedAt\":\"2024-11-20T10:00:00Z\"}\n"
            + "{\"text\":\"At least 17 migrants died.\"}\n");
    Files.writeString(folder.resolve("notes.csv"), "not,an,article");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(ingest(settings("files.raw"), err, dir.resolve("in").toString())).isZero();
    assertThat(ingest(settings("files.raw"), err, dir.resolve("in").toString())).isZero();

    List<ConsumerRecord<String, RawArticle>> records = read("files.raw", 6);
    assertThat(records).hasSize(6);
    Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    assertThat(keys).hasSize(3).contains("wire-1");
    RawArticle wire = records.stream().filter(r -> r.key().equals("wire-1")).findFirst().orElseThrow().value();
    assertThat(wire.getTitle()).isEqualTo("T1");
    assertThat(wire.getSource()).isEqualTo("file");
    assertThat(wire.getPublishedAt()).hasToString("2024-11-20T10:00:00Z");
    RawArticle seed = records.stream().filter(r -> r.value().getText().startsWith("The war in Ukraine")).findFirst().orElseThrow().value();
    assertThat(seed.getId()).startsWith("sha-");
    assertThat(seed.getText()).contains("over 3,000 of these soldiers");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aTerminalSeesAProgressBarForLargeImportsAndAClearedLineAfterwards() throws Exception {
    for (int i = 0; i < 25; i++) {
      Files.writeString(dir.resolve("a" + i + ".txt"), "Report " + i + ": " + i + " soldiers were captured.");
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = new IngestCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), true)
        .run(new String[] {dir.toString()}, settings("progress.raw"));

    assertThat(exit).isZero();
    String drawn = err.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("\r[#" + " ".repeat(29) + "] 1/25 files", "\r[" + "#".repeat(30) + "] 25/25 files")
        .endsWith("\r\033[K");
    assertThat(read("progress.raw", 25)).hasSize(25);
  }

  @Test
  void badFilesAreRejectedWithFileAndLineAndPublishNothing() throws Exception {
    Files.write(dir.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    Files.writeString(dir.resolve("empty.json"), "{\"text\": \"   \"}");
    Files.writeString(dir.resolve("lines.jsonl"), "{broken\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = ingest(settings("bad.raw"), err, dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("binary.txt: binary file")
        .contains("latin1.txt: not valid UTF-8 text (invalid byte 0xE9 at byte offset 3)")
        .contains("empty.json: field \"text\" is empty")
        .contains("lines.jsonl:1: not valid JSON");
    assertThat(read("bad.raw", 0)).isEmpty();
  }

  @Test
  void aFutureDateIsRejectedInFilesAndTheGoodLinesAroundItArrive() throws Exception {
    Files.writeString(dir.resolve("dated.jsonl"), "{\"id\":\"d1\",\"text\":\"Ten were wounded.\",\"publishedAt\":\"2024-11-20T10:00:00Z\"}\n"
        + "{\"id\":\"d2\",\"text\":\"Pinned.\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}\n"
        + "{\"id\":\"d3\",\"text\":\"Undated.\"}\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(ingest(settings("dated.raw"), err, dir.toString())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("dated.jsonl:2: field \"publishedAt\" is 2999-01-01T00:00:00Z, more than 1d after now");
    assertThat(read("dated.raw", 2)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("d1", "d3");
  }

  @Test
  void unreachableKafkaIsSaidWithinSeconds() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Files.writeString(dir.resolve("a.txt"), "text");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long started = System.nanoTime();

    int exit = ingest(settings("x.raw", "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + closed), err, dir.toString());

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("Kafka is not reachable, nothing was published");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void httpAcceptsArticlesAndBatchesAllOrNothing() throws Exception {
    try (IngestService service = IngestService.start(IngestConfig.from(settings("http.raw",
        "NEWSFLOW_INGEST_AUTH_TOKEN", "s3cret", "NEWSFLOW_INGEST_MAX_REQUEST_BYTES", "4096")))) {
      String url = "http://localhost:" + service.port() + "/articles";

      HttpResponse<String> one = post(url, "application/json", "Bearer s3cret", "{\"id\":\"h1\",\"text\":\"Five people died.\"}");
      assertThat(one.statusCode()).isEqualTo(202);
      assertThat(one.body()).isEqualTo("{\"ids\":[\"h1\"]}");

      HttpResponse<String> batch = post(url, "application/json", "Bearer s3cret",
          "[{\"id\":\"h2\",\"text\":\"a\"},{\"id\":\"h3\",\"text\":\"b\"}]");
      assertThat(batch.statusCode()).isEqualTo(202);

      HttpResponse<String> halfBad = post(url, "application/json", "Bearer s3cret",
          "[{\"id\":\"h4\",\"text\":\"ok\"},{\"id\":\"h5\",\"title\":\"no text\"}]");
      assertThat(halfBad.statusCode()).isEqualTo(400);
      assertThat(halfBad.body()).contains("articles[1]: missing field \\\"text\\\"");

      assertThat(post(url, "application/json", null, "{\"text\":\"x\"}").statusCode()).isEqualTo(401);
      assertThat(post(url, "application/json", "Bearer s3cres", "{\"text\":\"x\"}").statusCode()).isEqualTo(401);
      assertThat(post(url, "application/json", "Bearer s3cret-and-more", "{\"text\":\"x\"}").statusCode()).isEqualTo(401);
      assertThat(post(url, "text/plain", "Bearer s3cret", "{\"text\":\"x\"}").statusCode()).isEqualTo(415);
      assertThat(post(url, "application/json", "Bearer s3cret", "{\"text\":\"" + "x".repeat(5000) + "\"}").statusCode()).isEqualTo(413);
      HttpResponse<String> malformed = post(url, "application/json", "Bearer s3cret", "{\"text\": ");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("not valid JSON");
      HttpResponse<String> latin1 = post(url, "application/json", "Bearer s3cret",
          new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}'});
      assertThat(latin1.statusCode()).isEqualTo(400);
      assertThat(latin1.body()).contains("body: not valid UTF-8 text (invalid byte 0xE9 at byte offset 12)");
      HttpResponse<String> future = post(url, "application/json", "Bearer s3cret",
          "{\"id\":\"h6\",\"text\":\"x\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}");
      assertThat(future.statusCode()).isEqualTo(400);
      assertThat(future.body()).contains("article: field \\\"publishedAt\\\" is 2999-01-01T00:00:00Z, more than 1d after now");

      assertThat(read("http.raw", 3)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("h1", "h2", "h3");

      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body())
          .contains("newsflow_ingest_articles_published_total{service=\"ingest-service\",source=\"http\"} 3.0")
          .contains("newsflow_ingest_rejected_total{reason=\"missing_text\",service=\"ingest-service\"} 1.0")
          .contains("newsflow_ingest_rejected_total{reason=\"invalid_utf8\",service=\"ingest-service\"} 1.0")
          .contains("newsflow_ingest_rejected_total{reason=\"future_date\",service=\"ingest-service\"} 1.0")
          .contains("newsflow_ingest_rejected_total{reason=\"unauthorized\",service=\"ingest-service\"} 3.0")
          .contains("newsflow_ingest_produce_latency_seconds")
          .contains("kafka_producer_");
    }
  }

  @Test
  void theIntakeSendsEachArticleOnceACorrectionAgainAndRefusesAsItsBatchModeSays() throws Exception {
    IngestConfig config = IngestConfig.from(settings("intake.raw"));
    kafka.createTopics(1, "intake.raw");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ArticleDraft first = draft("i-1", "Three people were wounded in the blast.");
    ArticleDraft bad = draft("i-2", " ");
    try (RawArticlePublisher publisher = new RawArticlePublisher(config.kafka(), "intake.raw", new IngestMetrics(registry))) {
      ArticleIntake intake = new ArticleIntake(config.articleFactory(), publisher, new IngestMetrics(registry), 100);
      Duration timeout = Duration.ofSeconds(10);

      ArticleIntake.Outcome each = intake.take(List.of(first, first, bad), ArticleIntake.Batch.EACH, timeout);
      assertThat(each.published()).as("the same article twice in one batch").isEqualTo(1);
      assertThat(each.duplicates()).isEqualTo(1);
      assertThat(each.refused()).extracting(r -> r.draft().id()).containsExactly("i-2");

      ArticleIntake.Outcome again = intake.take(List.of(first, draft("i-1", "Four people were wounded in the blast.")),
          ArticleIntake.Batch.EACH, timeout);
      assertThat(again.published()).as("a repeat of a published article is not sent; its correction is").isEqualTo(1);
      assertThat(again.accepted()).hasSize(2);

      ArticleIntake.Outcome refused = intake.take(List.of(draft("i-3", "Two soldiers died."), bad),
          ArticleIntake.Batch.ALL_OR_NOTHING, timeout);
      assertThat(refused.accepted()).as("one bad draft refuses its whole batch").isEmpty();
      assertThat(refused.published()).isZero();
    }
    assertThat(read("intake.raw", 2)).extracting(r -> r.value().getText())
        .containsExactly("Three people were wounded in the blast.", "Four people were wounded in the blast.");
    assertThat(registry.get("newsflow_ingest_rejected").tag("reason", "empty_text").counter().count()).isEqualTo(2.0);
  }

  private static ArticleDraft draft(String id, String text) {
    return new ArticleDraft("test", "intake test", id, null, "T", text, "2024-11-20T10:00:00Z", null);
  }

  @Test
  void feedItemsArePublishedOnceWithConditionalGetAndCorrectionsAgain() throws Exception {
    String rss = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://x</link><description>d</description>
        <item><guid>wire-9</guid><link>https://wire.example/9</link><title>Strike</title>
          <description>&lt;p&gt;At least 40 people were killed.&lt;/p&gt;</description><pubDate>Tue, 19 Nov 2024 08:00:00 GMT</pubDate></item>
        <item><link>https://wire.example/10</link><title>Talks</title><description>Talks resumed in Doha.</description></item>
        <item><guid>wire-11</guid><title>Pinned</title><description>Dated ahead.</description><pubDate>Fri, 01 Jan 2999 00:00:00 GMT</pubDate></item>
        </channel></rss>""";
    AtomicInteger notModified = new AtomicInteger();
    AtomicInteger version = new AtomicInteger(1);
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/feed.xml", exchange -> {
      String etag = "\"v" + version.get() + "\"";
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
      } else {
        // version 2 corrects the strike's figure; the other items stay as they were
        byte[] body = (version.get() == 1 ? rss : rss.replace("At least 40", "At least 42")).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    IngestConfig config = IngestConfig.from(settings("feed.raw"));
    kafka.createTopics(1, "feed.raw");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RawArticlePublisher publisher = new RawArticlePublisher(config.kafka(), "feed.raw", new IngestMetrics(new SimpleMeterRegistry()))) {
      FeedPoller poller = new FeedPoller(URI.create("http://localhost:" + server.getAddress().getPort() + "/feed.xml"),
          HttpClient.newHttpClient(), new ArticleIntake(config.articleFactory(), publisher, new IngestMetrics(registry), 1000),
          Duration.ofSeconds(10));

      assertThat(poller.poll()).isEqualTo(2);
      assertThat(poller.poll()).isZero();
      assertThat(notModified.get()).isEqualTo(1);
      version.set(2);
      assertThat(poller.poll()).as("only the corrected item").isEqualTo(1);
      assertThat(registry.get("newsflow_ingest_rejected").tag("reason", "future_date").counter().count())
          .as("the bad item still in the feed is counted once").isEqualTo(1.0);
    } finally {
      server.stop(0);
    }
    List<ConsumerRecord<String, RawArticle>> records = read("feed.raw", 3);
    assertThat(records).hasSize(3);
    List<RawArticle> strikes = records.stream().filter(r -> r.key().equals("wire-9")).map(ConsumerRecord::value).toList();
    assertThat(strikes).extracting(RawArticle::getText).containsExactly("At least 40 people were killed.", "At least 42 people were killed.");
    RawArticle strike = strikes.get(0);
    assertThat(strike.getUrl()).isEqualTo("https://wire.example/9");
    assertThat(strike.getPublishedAt()).hasToString("2024-11-19T08:00:00Z");
    assertThat(strike.getSource()).startsWith("feed:http://localhost:");
    assertThat(records).anySatisfy(r -> assertThat(r.key()).startsWith("url-"));
  }

  private HttpResponse<String> post(String url, String type, String auth, String body) throws Exception {
    return post(url, type, auth, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String url, String type, String auth, byte[] body) throws Exception {
    return ArticlesRequests.post(url, type, auth, body);
  }
}
