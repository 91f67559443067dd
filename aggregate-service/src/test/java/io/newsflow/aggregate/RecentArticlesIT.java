package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.runtime.Json;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Location;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import io.newsflow.schema.Span;
import io.newsflow.testing.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /articles/recent} on a real broker: the newest enriched articles with their spans,
 * as a read_committed reader sees the topic enrich-service writes (one transaction per batch, an
 * aborted one among them), with a correction, a tombstone and undecodable bytes at its tail.
 */
class RecentArticlesIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  static final String TOPIC = "news.articles.enriched";
  static final String TOKEN = "evidence-reader";
  static final Instant BASE = Instant.parse("2025-01-10T08:00:00Z");
  static final String TEXT = "Over 3,000 North Korean soldiers were killed, Ukraine said.";

  @TempDir static Path state;
  static AggregateService service;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startAndWriteTheTopic() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_HTTP_PORT", "0");
    env.put("NEWSFLOW_AGGREGATE_STATE_DIR", state.toString());
    env.put("NEWSFLOW_AGGREGATE_AUTH_TOKEN", TOKEN);
    service = AggregateService.start(AggregateConfig.from(Settings.load(AggregateConfig.DEFAULTS, null, env)));
    try (var producer = transactionalProducer()) {
      producer.initTransactions();
      for (int n = 0; n < 30; n++) { // one transaction each: every other offset is a commit marker
        send(producer, article("a" + n, "Article " + n, BASE.plus(Duration.ofMinutes(n))));
      }
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "aborted", article("aborted", "Aborted", BASE.plus(Duration.ofHours(5)))));
      producer.flush();
      producer.abortTransaction();
      send(producer, article("a28", "Article 28, corrected", BASE.plus(Duration.ofMinutes(40))));
    }
    try (var raw = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(TOPIC, "a27", null)).get(10, TimeUnit.SECONDS); // a27 deleted
      raw.send(new ProducerRecord<>(TOPIC, "junk", "not avro".getBytes())).get(10, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void newestFirstLatestVersionsOnlyWithTheirSpans() throws Exception {
    long started = System.nanoTime();
    JsonNode articles = json("/articles/recent?limit=5");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    List<String> titles = new ArrayList<>();
    articles.forEach(a -> titles.add(a.get("title").asText()));
    assertThat(titles).as("the correction replaces a28, the tombstone removes a27, nothing aborted, junk skipped")
        .containsExactly("Article 28, corrected", "Article 29", "Article 26", "Article 25", "Article 24");
    assertThat(millis).as("caught up without waiting out the read deadline").isLessThan(3_000);

    JsonNode first = articles.get(0);
    assertThat(first.get("id").asText()).isEqualTo("a28");
    assertThat(first.get("outlet").asText()).isEqualTo("wire.example.org");
    assertThat(first.get("ingestedAt").asText()).isEqualTo("2025-01-10T08:40:00Z");
    assertThat(first.get("text").asText()).isEqualTo(TEXT);
    JsonNode figure = first.get("casualties").get(0);
    assertThat(TEXT.substring(figure.get("start").asInt(), figure.get("end").asInt())).isEqualTo("Over 3,000 North Korean soldiers were killed");
    assertThat(figure.get("type").asText()).isEqualTo("KILLED");
    assertThat(figure.get("qualifier").asText()).isEqualTo("MORE_THAN");
    assertThat(figure.get("value").asLong()).isEqualTo(3000);
    assertThat(figure.get("actor").asText()).isEqualTo("north-korea");
    assertThat(figure.get("claimedBy").asText()).isEqualTo("ukraine");
    assertThat(figure.get("realis").asText()).isEqualTo("CLAIMED_DENIED");
    assertThat(figure.get("eventDate").asText()).isEqualTo("2025-01-06");
    assertThat(figure.get("cumulative").asBoolean()).isFalse();
    assertThat(figure.get("location").get("placeId").asText()).isEqualTo("russia.kursk");
    assertThat(figure.get("location").get("name").asText()).isEqualTo("Kursk Oblast");
    JsonNode mention = first.get("actors").get(0).get("spans").get(0);
    assertThat(TEXT.substring(mention.get("start").asInt(), mention.get("end").asInt())).isEqualTo("North Korean");
  }

  @Test
  void aLimitLargerThanTheTailWindowStillFindsEveryLiveArticle() throws Exception {
    JsonNode articles = json("/articles/recent?limit=50");
    assertThat(articles).as("30 articles, one of them deleted").hasSize(29);
    assertThat(json("/articles/recent")).as("ten by default").hasSize(10);
  }

  @Test
  void aBadLimitIs400WithAMessage() throws Exception {
    for (String limit : List.of("0", "51", "ten", "-1")) {
      HttpResponse<String> r = get("/articles/recent?limit=" + limit, true);
      assertThat(r.statusCode()).as(limit).isEqualTo(400);
      assertThat(r.body()).contains("limit must be a whole number from 1 to 50");
    }
  }

  @Test
  void theReadTokenGuardsIt() throws Exception {
    HttpResponse<String> r = get("/articles/recent", false);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("aggregate.auth.token");
  }

  private static EnrichedArticle article(String id, String title, Instant ingestedAt) {
    List<Actor> actors = List.of(
        new Actor("north-korea", "North Korea", ActorType.COUNTRY, null, 1, List.of(new Span(11, 23))),
        new Actor("ukraine", "Ukraine", ActorType.COUNTRY, null, 1, List.of(new Span(46, 53))));
    CasualtyFigure figure = CasualtyFigure.newBuilder().setType(CasualtyType.KILLED).setValue(3000L)
        .setQualifier(Qualifier.MORE_THAN).setValueMin(3001L).setValueMax(null).setActor("north-korea").setClaimedBy("ukraine")
        .setRealis(Realis.CLAIMED_DENIED).setStart(0).setEnd(44).setText(TEXT.substring(0, 44))
        .setEventDate(java.time.LocalDate.parse("2025-01-06")).setEventDateEnd(java.time.LocalDate.parse("2025-01-06"))
        .setLocation(new Location("Kursk Oblast", "russia.kursk", "russia", "Russia", "russia.kursk", "Kursk Oblast", 51.79, 36.01)).build();
    List<CasualtyFigure> figures = List.of(figure);
    return new EnrichedArticle(id, "test", "https://www.wire.example.org/" + id, title, TEXT, "en", ingestedAt, ingestedAt,
        "h-" + title, new ArrayList<>(actors), new ArrayList<>(figures), "test", ingestedAt);
  }

  private static KafkaProducer<String, EnrichedArticle> transactionalProducer() {
    Properties props = kafka.producerProps();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "recent-articles-it");
    return new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(EnrichedArticle.class));
  }

  private static void send(KafkaProducer<String, EnrichedArticle> producer, EnrichedArticle article) {
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(TOPIC, article.getId(), article));
    producer.commitTransaction();
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path, true);
    assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  private HttpResponse<String> get(String path, boolean withToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path));
    if (withToken) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
