package io.newsflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own performance tools, run in this process against the bench broker: the baselines
 * every newsflow stage is measured against. Their printed summary is read back.
 */
final class KafkaToolsBaseline {

  private static final Pattern PRODUCED = Pattern.compile("records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

  private KafkaToolsBaseline() {}

  /** {records/s, MB/s} of ProducerPerformance sending {@code records} payloads drawn from the file. */
  static double[] produce(String bootstrap, String topic, int records, Path payloads) {
    String out = capture(() -> ProducerPerformance.main(new String[] {
        "--topic", topic, "--num-records", String.valueOf(records), "--payload-file", payloads.toString(),
        "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
        "enable.idempotence=true", "compression.type=lz4", "linger.ms=10", "batch.size=262144"}));
    Matcher m = PRODUCED.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
    }
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
  }

  /**
   * records/s of ConsumerPerformance reading {@code records} messages from the start of the
   * topic, in a fresh group, not counting the group join (its fetch.nMsg.sec).
   */
  static double consume(String bootstrap, String topic, int records) {
    String out = capture(() -> ConsumerPerformance.main(new String[] {
        "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", String.valueOf(records),
        "--timeout", "60000", "--group", "bench-consumer-" + UUID.randomUUID()}));
    List<String> lines = out.lines().filter(l -> l.matches("^\\d{4}-.*")).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("ConsumerPerformance printed no result:\n" + out);
    }
    String[] columns = lines.get(lines.size() - 1).split(",\\s*");
    return Double.parseDouble(columns[9]); // fetch.nMsg.sec
  }

  private interface Tool {
    void run() throws Exception;
  }

  private static synchronized String capture(Tool tool) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Exit.setExitProcedure((code, message) -> {
      throw new IllegalStateException("Kafka tool exited with " + code + ": " + message);
    });
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      tool.run();
    } catch (Exception e) {
      throw new IllegalStateException("Kafka tool failed: " + e.getMessage() + "\n" + bytes.toString(StandardCharsets.UTF_8), e);
    } finally {
      System.setOut(original);
      Exit.resetExitProcedure();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
