package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.article.RejectReason;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import io.newsflow.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and broken input at each entry point: every item gets its documented answer and reason,
 * every rejection is counted, and the good articles sent around it all arrive, once.
 */
class BadInputCorpusIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private static final String TOKEN = "corpus-token";
  private static final String JSON = "application/json";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  /** One request and what it must be answered: status, and for a rejection its reason and a part of the message. */
  private record Case(String name, String type, String auth, byte[] body, int status, RejectReason reason, String message) {
    static Case bad(String name, String body, int status, RejectReason reason, String message) {
      return new Case(name, JSON, "Bearer " + TOKEN, body.getBytes(StandardCharsets.UTF_8), status, reason, message);
    }

    static Case bytes(String name, byte[] body, RejectReason reason, String message) {
      return new Case(name, JSON, "Bearer " + TOKEN, body, 400, reason, message);
    }
  }

  private static List<Case> httpCorpus() {
    byte[] random = new byte[512];
    new Random(42).nextBytes(random);
    byte[] latin1 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}'};
    byte[] overlongQuote = {'{', '"', 't', 'e', 'x', 't', '"', ':', (byte) 0xC0, (byte) 0xA2, 'x', '"', '}'};
    String deepTitle = "{\"text\":\"x\",\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    byte[] article = "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    return List.of(
        Case.bytes("random bytes", random, RejectReason.INVALID_UTF8, "not valid UTF-8 text"),
        Case.bad("printable garbage", "}{][,,:: garbage", 400, RejectReason.MALFORMED_JSON, "not valid JSON"),
        Case.bytes("latin-1 byte", latin1, RejectReason.INVALID_UTF8, "invalid byte 0xE9 at byte offset 12"),
        Case.bytes("overlong UTF-8", overlongQuote, RejectReason.INVALID_UTF8, "at byte offset 8"),
        new Case("text/plain", "text/plain", "Bearer " + TOKEN, article, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json"),
        new Case("form", "application/x-www-form-urlencoded", "Bearer " + TOKEN, article, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE, "not application/x-www-form-urlencoded"),
        new Case("no content type", null, "Bearer " + TOKEN, article, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE, "not nothing"),
        new Case("no token", JSON, null, article, 401, RejectReason.UNAUTHORIZED, "missing or wrong bearer token"),
        new Case("wrong token", JSON, "Bearer corpus-tokem", article, 401, RejectReason.UNAUTHORIZED, "missing or wrong bearer token"),
        Case.bad("missing text", "{\"title\":\"t\"}", 400, RejectReason.MISSING_TEXT, "article: missing field \\\"text\\\""),
        Case.bad("null text", "{\"text\":null}", 400, RejectReason.MISSING_TEXT, "missing field \\\"text\\\""),
        Case.bad("empty text", "{\"text\":\"  \\n \"}", 400, RejectReason.EMPTY_TEXT, "field \\\"text\\\" is empty"),
        Case.bad("only control characters", "{\"text\":\"\\u0000\\u0007\\u001b\"}", 400, RejectReason.EMPTY_TEXT, "is empty"),
        Case.bad("number text", "{\"text\":42}", 400, RejectReason.MISSING_TEXT, "must be a string"),
        Case.bad("object text", "{\"text\":{\"p\":\"x\"}}", 400, RejectReason.MISSING_TEXT, "must be a string"),
        Case.bad("array text", "{\"text\":[\"x\"]}", 400, RejectReason.MISSING_TEXT, "must be a string"),
        Case.bad("array nesting bomb", "[".repeat(100_000), 400, RejectReason.MALFORMED_JSON, "not valid JSON"),
        Case.bad("object nesting bomb", "{\"a\":".repeat(50_000), 400, RejectReason.MALFORMED_JSON, "not valid JSON"),
        Case.bad("deep title", deepTitle, 400, RejectReason.MALFORMED_JSON, "not valid JSON"),
        Case.bad("empty body", "", 400, RejectReason.MALFORMED_JSON, "expected a JSON object"),
        Case.bad("null", "null", 400, RejectReason.MALFORMED_JSON, "expected a JSON object"),
        Case.bad("a string", "\"At least 3 were killed.\"", 400, RejectReason.MALFORMED_JSON, "expected a JSON object"),
        Case.bad("empty array", "[]", 400, RejectReason.MISSING_TEXT, "the array holds no article"),
        Case.bad("oversize body", "{\"text\":\"" + "x".repeat(2_000_000) + "\"}", 413, RejectReason.TOO_LARGE, "over the limit of 2000000"),
        Case.bad("oversize text", "{\"text\":\"" + "é".repeat(501) + "\"}", 400, RejectReason.TOO_LARGE, "text is 1002 bytes, over the limit of 1000"),
        Case.bad("future date", "{\"text\":\"x\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}", 400, RejectReason.FUTURE_DATE, "more than 1d after now"),
        Case.bad("unparseable date", "{\"text\":\"x\",\"publishedAt\":\"yesterday\"}", 400, RejectReason.BAD_DATE, "'yesterday'"),
        Case.bad("NUL in id", "{\"id\":\"a\\u0000b\",\"text\":\"x\"}", 400, RejectReason.BAD_ID, "control character U+0000 at index 1"),
        Case.bad("newline in id", "{\"id\":\"wire\\n1\",\"text\":\"x\"}", 400, RejectReason.BAD_ID, "control character U+000A at index 4"),
        Case.bad("half-bad batch", "[{\"id\":\"lost-1\",\"text\":\"ok\"},{\"id\":\"lost-2\"}]", 400, RejectReason.MISSING_TEXT, "articles[1]: missing field"));
  }

  @Test
  void httpAnswersEveryBadRequestWithItsStatusAndReasonCountsItAndLosesNoGoodArticle() throws Exception {
    Settings settings = settings("corpus.http.raw", "NEWSFLOW_INGEST_AUTH_TOKEN", TOKEN,
        "NEWSFLOW_INGEST_MAX_TEXT_BYTES", "1000", "NEWSFLOW_INGEST_MAX_REQUEST_BYTES", "2000000");
    try (IngestService service = IngestService.start(IngestConfig.from(settings))) {
      String url = "http://localhost:" + service.port() + "/articles";
      Set<String> good = new HashSet<>();
      Map<String, Integer> expectedRejections = new TreeMap<>();
      List<Case> corpus = httpCorpus();
      for (int i = 0; i < corpus.size(); i++) {
        Case c = corpus.get(i);
        HttpResponse<String> answer = post(url, c.type(), c.auth(), c.body());
        assertThat(answer.statusCode()).as(c.name()).isEqualTo(c.status());
        assertThat(answer.body()).as(c.name()).contains(c.message());
        expectedRejections.merge(c.reason().tag(), 1, Integer::sum);
        // the service keeps taking good articles right after each bad one
        String id = "between-" + i;
        assertThat(postJson(url, "{\"id\":\"" + id + "\",\"text\":\"Report " + i + ": two were wounded.\"}").statusCode())
            .as("good article after " + c.name()).isEqualTo(202);
        good.add(id);
      }

      // Markup is text: kept as sent, never interpreted (the dashboard sets it only as text).
      String title = "<b>Strike</b><script>alert(\"x\")</script>";
      String text = "<p>At least 3 were killed.</p><img src=x onerror=alert(1)>";
      assertThat(postJson(url, "{\"id\":\"html-1\",\"title\":" + quoted(title) + ",\"text\":" + quoted(text) + "}").statusCode()).isEqualTo(202);
      // Path-like ids are opaque keys, never file names.
      for (String id : List.of("../../etc/passwd", "/actors/north-korea?x=1#y", "C:\\\\Windows\\\\win.ini")) {
        assertThat(postJson(url, "{\"id\":\"" + id + "\",\"text\":\"Path-like id.\"}").statusCode()).as(id).isEqualTo(202);
      }
      good.addAll(List.of("html-1", "../../etc/passwd", "/actors/north-korea?x=1#y", "C:\\Windows\\win.ini"));

      StringBuilder bulk = new StringBuilder("[");
      for (int i = 0; i < 20_000; i++) {
        bulk.append(i == 0 ? "" : ",").append("{\"id\":\"bulk-").append(i).append("\",\"text\":\"Bulk ").append(i).append(": one was killed.\"}");
        good.add("bulk-" + i);
      }
      HttpResponse<String> bulkAnswer = postJson(url, bulk.append("]").toString());
      assertThat(bulkAnswer.statusCode()).isEqualTo(202);
      assertThat(bulkAnswer.body()).contains("\"bulk-0\"", "\"bulk-19999\"");

      List<ConsumerRecord<String, RawArticle>> records = read("corpus.http.raw", good.size());
      assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(good);
      assertThat(records).hasSize(good.size());
      RawArticle html = records.stream().filter(r -> r.key().equals("html-1")).findFirst().orElseThrow().value();
      assertThat(html.getTitle()).isEqualTo(title);
      assertThat(html.getText()).isEqualTo(text);

      String metrics = get("http://localhost:" + service.port() + "/metrics");
      assertThat(rejectionCounts(metrics)).isEqualTo(withZeros(expectedRejections));
      assertThat(metrics).contains("newsflow_ingest_articles_published_total{service=\"ingest-service\",source=\"http\"} " + good.size() + ".0");
    }
  }

  @Test
  void filesAreRejectedWithFileAndLineAndTheGoodArticlesInTheSameFilesArrive() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("good.txt"), "Captured near Kursk\nTwo soldiers were captured.");
    Files.write(in.resolve("binary.txt"), new byte[] {'a', 'b', 0, 'c'});
    Files.write(in.resolve("image.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D});
    Files.write(in.resolve("latin1.jsonl"), concat("{\"id\":\"f-lost\",\"text\":\"ok\"}\n{\"text\":\"caf".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xE9, '"', '}', '\n'}));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("empty.json"), new byte[0]);
    Files.write(in.resolve("empty.jsonl"), new byte[0]);
    Files.writeString(in.resolve("blank.md"), "\n\n   \n");
    Files.writeString(in.resolve("notes.csv"), "not,an,article");
    Files.writeString(in.resolve("lines.jsonl"), String.join("\n",
        "{\"id\":\"f-1\",\"text\":\"One was killed.\"}",
        "{broken",
        "{\"id\":\"f-2\",\"text\":\"Two were killed.\"}",
        "[1,2]",
        "{\"text\":5}",
        "{\"text\":\"x\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}",
        "{\"id\":\"bell\\u0007\",\"text\":\"x\"}",
        "{\"text\":\"x\",\"publishedAt\":\"someday\"}",
        "{\"id\":\"f-3\",\"text\":\"Three were killed.\"}",
        "\"a string\"",
        "",
        "{\"id\":\"f-4\",\"text\":\"Four were killed.\"}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = new IngestCommand(new PrintStream(out, true), new PrintStream(err, true), false)
        .run(new String[] {in.toString()}, settings("corpus.files.raw"));

    assertThat(exit).isEqualTo(1);
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(said).contains(
        "binary.txt: binary file (NUL byte at offset 2)",
        "image.json: binary file (NUL byte at offset 8)",
        "latin1.jsonl: not valid UTF-8 text (invalid byte 0xE9 at byte offset 40)",
        "empty.txt: field \"text\" is empty",
        "empty.json: expected a JSON object",
        "empty.jsonl: no article in the file",
        "blank.md: field \"text\" is empty",
        "lines.jsonl:2: not valid JSON",
        "lines.jsonl:4: expected a JSON object",
        "lines.jsonl:5: field \"text\" must be a string",
        "lines.jsonl:6: field \"publishedAt\" is 2999-01-01T00:00:00Z, more than 1d after now",
        "lines.jsonl:7: field \"id\" holds control character U+0007 at index 4",
        "lines.jsonl:8: field \"publishedAt\" is not an ISO-8601 or RFC 1123 date: 'someday'",
        "lines.jsonl:10: expected a JSON object");
    assertThat(said.lines().count()).isEqualTo(14);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("read 9 file(s) with 10 article(s): 5 published to corpus.files.raw, 0 duplicate(s), "
        + "14 rejected (empty_text: 3, missing_text: 1, invalid_utf8: 1, binary: 2, malformed_json: 4, bad_date: 1, future_date: 1, bad_id: 1); "
        + "1 file(s) of other types in folders skipped");
    List<ConsumerRecord<String, RawArticle>> records = read("corpus.files.raw", 5);
    assertThat(records).extracting(ConsumerRecord::key).hasSize(5).contains("f-1", "f-2", "f-3", "f-4")
        .anySatisfy(key -> assertThat(key).startsWith("sha-"));
  }

  private Settings settings(String topic, String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_TOPIC_RAW", topic);
    env.put("NEWSFLOW_HTTP_PORT", "0");
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return Settings.load(IngestConfig.DEFAULTS, null, env);
  }

  private static List<ConsumerRecord<String, RawArticle>> read(String topic, int expected) {
    return TopicReader.read(kafka, topic, new StringDeserializer(), new AvroDeserializer<>(RawArticle.class),
        expected, Duration.ofSeconds(30), Duration.ofMillis(500));
  }

  /** Every rejection series ingest-service exposes, by reason. */
  private static Map<String, Integer> rejectionCounts(String metrics) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^newsflow_ingest_rejected_total\\{reason=\"([a-z0-9_]+)\",service=\"ingest-service\"} ([0-9.]+)$")
        .matcher(metrics);
    while (m.find()) {
      counts.put(m.group(1), (int) Double.parseDouble(m.group(2)));
    }
    return counts;
  }

  private static Map<String, Integer> withZeros(Map<String, Integer> counts) {
    Map<String, Integer> all = new TreeMap<>();
    for (RejectReason reason : RejectReason.values()) {
      all.put(reason.tag(), counts.getOrDefault(reason.tag(), 0));
    }
    return all;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private HttpResponse<String> postJson(String url, String body) throws Exception {
    return post(url, JSON, "Bearer " + TOKEN, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String url, String type, String auth, byte[] body) throws Exception {
    return ArticlesRequests.post(url, type, auth, body);
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
