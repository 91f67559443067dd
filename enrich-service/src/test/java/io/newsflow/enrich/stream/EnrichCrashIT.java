package io.newsflow.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.testing.KafkaClusterExtension;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * enrich-service as its own JVM, killed with SIGKILL in the middle of the stream and started
 * again: a read_committed reader sees every article exactly once. Then SIGTERM stops it cleanly.
 */
class EnrichCrashIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  private static final int ARTICLES = 3000;

  @Test
  void aKilledInstanceRestartsWithoutLossOrDuplicates() throws Exception {
    EnrichTestKit kit = new EnrichTestKit(kafka, "crash", 3);
    kit.produce(IntStream.range(0, ARTICLES)
        .mapToObj(i -> EnrichTestKit.article("c" + i, "Russian shelling killed " + (i % 90 + 2) + " civilians, Kyiv said.")).toList());
    Map<String, String> env = kit.env("crashy");
    env.put("NEWSFLOW_ENRICH_MAX_POLL_RECORDS", "10"); // many small transactions, so the kill lands mid-stream

    Process first = start(env, "crash-first.log");
    List<ConsumerRecord<String, EnrichedArticle>> before = kit.enrichedRecords(300, Duration.ZERO);
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close, a transaction likely open
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(before.size()).as("killed after some progress").isBetween(300, ARTICLES - 1);

    Process second = start(env, "crash-second.log");
    try {
      List<ConsumerRecord<String, EnrichedArticle>> out = kit.enrichedRecords(ARTICLES, Duration.ofSeconds(3));

      Map<String, Long> perKey = out.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
      assertThat(perKey).hasSize(ARTICLES);
      assertThat(perKey.values()).as("no article enriched twice").allMatch(n -> n == 1);
    } finally {
      second.destroy(); // SIGTERM: finish or abort the transaction, leave the group, exit 0
    }
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
  }

  private static Process start(Map<String, String> env, String log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "io.newsflow.enrich.EnrichService");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(new File("target", log));
    return builder.start();
  }
}
