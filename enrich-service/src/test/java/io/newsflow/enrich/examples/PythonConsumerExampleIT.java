package io.newsflow.enrich.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.enrich.extract.Extractor;
import io.newsflow.enrich.stream.ArticleEnricher;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/python/consume_enriched.py, run as a user runs it, decodes what enrich-service writes:
 * the seed article as the real extractor enriches it, on a real broker. Skipped when Debian's
 * python3-avro and python3-confluent-kafka are not installed (.ci/run installs them).
 */
class PythonConsumerExampleIT {

  @RegisterExtension static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private static final String PYTHON = "/usr/bin/python3";
  private static final Path EXAMPLE = Path.of("../examples/python/consume_enriched.py");
  private static final String TOPIC = "news.articles.enriched";

  @Test
  void printsTheSeedArticlesFigures() throws Exception {
    assumeTrue(pythonHasAvroAndKafka(), PYTHON + " cannot import avro and confluent_kafka "
        + "(apt-get install python3-avro python3-confluent-kafka)");
    kafka.createTopics(1, TOPIC);
    EnrichedArticle seed = enrichedSeed();
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(kafka.producerProps(),
        new StringSerializer(), new AvroSerializer<>(EnrichedArticle.class))) {
      producer.send(new ProducerRecord<>(TOPIC, seed.getId(), seed)).get(30, TimeUnit.SECONDS);
    }

    Process python = new ProcessBuilder(PYTHON, EXAMPLE.toString(), "--bootstrap-server", kafka.bootstrapServers(),
        "--max", "1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    boolean exited = python.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      python.destroyForcibly(); // e.g. it never found the writer schema, so never printed an article
    }
    assertThat(exited).as("the example exits after --max 1").isTrue();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(python.exitValue()).as(output).isZero();
    assertThat(output).startsWith(seed.getId() + ": " + seed.getCasualties().size() + " figure(s)\n")
        .contains("  KILLED_OR_WOUNDED MORE_THAN 3000 north-korea claimed by ukraine: \"")
        .contains("  DEPLOYED APPROXIMATE 11000 north-korea claimed by ukraine: \"")
        .contains("  CAPTURED EXACT 2 north-korea");
    assertThat(output.lines().count()).isEqualTo(1 + seed.getCasualties().size());
  }

  private static EnrichedArticle enrichedSeed() throws IOException {
    String text = Files.readString(Path.of("../seeds/000_2b015a0ac9e7801d.txt"));
    Instant now = Instant.parse("2024-12-20T10:15:30Z");
    RawArticle raw = RawArticle.newBuilder().setId("000_2b015a0ac9e7801d").setSource("file").setUrl(null)
        .setTitle(null).setText(text).setLanguage("en").setPublishedAt(now).setIngestedAt(now)
        .setContentHash("ab".repeat(32)).build();
    return ArticleEnricher.enrich(raw, new Extractor().extract(text), now);
  }

  private static boolean pythonHasAvroAndKafka() throws InterruptedException {
    try {
      Process check = new ProcessBuilder(PYTHON, "-c", "import avro.io, confluent_kafka").start();
      return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false; // no /usr/bin/python3 at all
    }
  }
}
