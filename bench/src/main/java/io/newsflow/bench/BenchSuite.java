package io.newsflow.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsflow.bench.stage.AggregateStage;
import io.newsflow.bench.stage.EndToEndStage;
import io.newsflow.bench.stage.EnrichStage;
import io.newsflow.bench.stage.IngestStage;
import io.newsflow.runtime.Json;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./newsflow bench}: every stage of the pipeline on one real broker this run starts,
 * each against a baseline measured in the same run (Kafka's own perf tools, pass-through loops
 * with the same guarantees), median of three runs after a warm-up run, printed as one table and
 * written to {@code bench/results/latest.json}; {@code ./newsflow bench STAGE} runs one stage
 * ({@link #STAGES}). {@code --quick} is a one-minute smoke version; the end-to-end stage offers
 * 100, 300 and 500 articles/s (or {@code --rate N}) for {@code --seconds} (default 15) each.
 * Kafka's, the broker's and JMH's own logs go to {@link ToolLog#path()}, so the table stands alone.
 * Every stage is timed from the moment it is ready to work (group joined, tasks running); the
 * Streams apps of the aggregate stage from their first processed record (see Bench#ratePerSecond).
 */
public final class BenchSuite {

  /** One line of the table. */
  public record Row(String stage, String metric, double value, String baseline, double baselineValue, Double ratio,
      String target, boolean met) {}

  /** The stages {@code ./newsflow bench STAGE} runs one of; without a stage, all in this order. */
  static final List<String> STAGES = List.of("ingest", "enrich", "aggregate", "e2e", "extractor");

  private final boolean quick;
  private final int runs;
  private final int articles;
  private final int aggregateArticles;
  /** The aggregate corpus is 15,000 extracted articles this many times over: the fan-out baseline needs seconds to be timed. */
  private static final int AGGREGATE_COPIES = 3;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> memory = new LinkedHashMap<>();
  private final PrintStream out = System.out;

  private final List<Integer> rates;
  private final int seconds;
  private final List<String> stages;

  private BenchSuite(boolean quick, List<Integer> rates, int seconds, List<String> stages) {
    this.quick = quick;
    this.runs = quick ? 1 : 3;
    this.articles = quick ? 600 : 3000;
    // the aggregate apps run at thousands of articles/s: this many keep each timed run seconds long
    this.aggregateArticles = quick ? 1500 : 15000 * AGGREGATE_COPIES;
    this.rates = rates;
    this.seconds = seconds;
    this.stages = stages;
  }

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    boolean quick = options.contains("--quick");
    List<String> stages = options.stream().filter(STAGES::contains).toList();
    List<Integer> rates = options.contains("--rate") ? List.of(option(options, "--rate", 0))
        : quick ? List.of(100) : List.of(100, 300, 500);
    int seconds = option(options, "--seconds", quick ? 5 : 15);
    new BenchSuite(quick, rates, seconds, stages.isEmpty() ? STAGES : stages).run();
    System.exit(0); // Kafka client threads of the in-process tools must not keep the JVM alive
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    progress("stages: %s; tool and broker logs: %s", String.join(", ", stages), ToolLog.path());
    List<RawArticle> corpus = Corpus.generate(42, articles);
    long textBytes = Corpus.textBytes(corpus);
    progress("corpus: %d articles, %.1f MB of text, median %d bytes", articles, textBytes / 1e6, medianLength(corpus));
    if (stages.stream().anyMatch(s -> !s.equals("extractor"))) {
      try (BenchBroker broker = new BenchBroker()) {
        progress("broker: %s", broker.bootstrapServers());
        if (stages.contains("ingest")) {
          ingest(broker, corpus, textBytes);
        }
        if (stages.contains("enrich")) {
          enrich(broker, corpus);
        }
        if (stages.contains("aggregate")) {
          aggregate(broker);
        }
        if (stages.contains("e2e")) {
          endToEnd(broker, corpus);
        }
      }
    }
    if (stages.contains("extractor")) {
      ExtractorThroughput.Measurement jmh = ExtractorThroughput.measure(quick, ToolLog.stream());
      rows.add(new Row("extractor (JMH)", "MB/s per core", jmh.extractMbPerSecond(), "JDK regex word scan MB/s",
          jmh.baselineMbPerSecond(), jmh.extractPerSecond() / jmh.baselinePerSecond(), ">= 50 MB/s", jmh.extractMbPerSecond() >= 50));
    }
    print((System.nanoTime() - started) / 1e9);
    write();
  }

  private void ingest(BenchBroker broker, List<RawArticle> corpus, long textBytes) throws Exception {
    Path payloads = Files.createTempFile("newsflow-bench-payloads", ".txt");
    Files.write(payloads, corpus.stream().map(a -> a.getText().replace('\n', ' ')).toList(), StandardCharsets.UTF_8);
    // the corpus goes out several times: once lasts well under a second, too short to measure
    int passes = quick ? 1 : 5;
    double[] producer = median(() -> KafkaToolsBaseline.produce(broker.bootstrapServers(), broker.topic("perf"), articles * passes, payloads));
    double[] ingest = median(() -> IngestStage.run(broker.props(), broker.topic("ingest"), corpus, textBytes, passes));
    rows.add(new Row("ingest", "articles/s", ingest[0], "ProducerPerformance records/s", producer[0], ingest[0] / producer[0], ">= 0.8", ingest[0] / producer[0] >= 0.8));
    rows.add(new Row("ingest", "MB/s", ingest[1], "ProducerPerformance MB/s", producer[1], null, "", true));
    memory("ingest");
  }

  private void enrich(BenchBroker broker, List<RawArticle> corpus) throws Exception {
    String filled = broker.topic("raw");
    EnrichStage.prepare(broker.props(), filled, corpus);
    double[] consumer = median(() -> new double[] {KafkaToolsBaseline.consume(broker.bootstrapServers(), filled, articles)});
    rows.add(new Row("consume", "records/s", consumer[0], "ConsumerPerformance (reference)", consumer[0], null, "", true));
    double[] enrich = median(() -> new double[] {EnrichStage.enrich(broker.env(filled, broker.topic("enriched"), broker.topic("dlq"), broker.topic("stats")), articles)});
    double[] copy = median(() -> new double[] {EnrichStage.passThrough(broker.env(filled, broker.topic("copy"), broker.topic("dlq"), broker.topic("stats")), articles)});
    rows.add(new Row("enrich", "articles/s", enrich[0], "transactional pass-through records/s", copy[0], enrich[0] / copy[0], ">= 0.8", enrich[0] / copy[0] >= 0.8));
    memory("enrich");
  }

  /** The aggregate topology against the fan-out count baseline (the headline) and the pass-through app (a reference). */
  private void aggregate(BenchBroker broker) throws Exception {
    int copies = quick ? 1 : AGGREGATE_COPIES;
    List<RawArticle> corpus = Corpus.generate(42, aggregateArticles / copies);
    List<EnrichedArticle> enriched = AggregateStage.copies(AggregateStage.enrich(corpus), copies);
    long contributions = AggregateStage.contributions(enriched);
    progress("aggregate corpus: %d enriched articles, %.1f actors each", aggregateArticles, (double) contributions / aggregateArticles);
    String topic = broker.topic("enriched-in");
    Properties kafka = broker.props();
    AggregateStage.prepare(kafka, topic, enriched);
    double[] fanOut = median(() -> new double[] {AggregateStage.fanOutCount(kafka, topic, aggregateArticles, contributions)});
    double[] passStreams = median(() -> new double[] {AggregateStage.passThrough(kafka, topic, broker.topic("pass"), aggregateArticles)});
    double[] aggregate = median(() -> new double[] {AggregateStage.aggregate(kafka,
        new Topics("unused", topic, broker.topic("dlq"), broker.topic("stats")), aggregateArticles, contributions)});
    rows.add(new Row("aggregate", "articles/s", aggregate[0], "fan-out count Streams app articles/s (EOS v2)", fanOut[0], aggregate[0] / fanOut[0], ">= 0.5", aggregate[0] / fanOut[0] >= 0.5));
    rows.add(new Row("aggregate", "articles/s", aggregate[0], "pass-through Streams app records/s (reference)", passStreams[0], aggregate[0] / passStreams[0], "", true));
    memory("aggregate");
  }

  private void endToEnd(BenchBroker broker, List<RawArticle> corpus) throws Exception {
    if (!quick) { // untimed: a cold pipeline's first seconds (JIT, first transactions) would be the first rate's p99
      Topics t = new Topics(broker.topic("warm-raw"), broker.topic("warm-enriched"), broker.topic("warm-dlq"), broker.topic("warm-stats"));
      EndToEndStage.run(broker.props(), broker.env(t.raw(), t.enriched(), t.dlq(), t.actorStats()), t, corpus, rates.get(0), 5);
    }
    for (int rate : rates) {
      Topics t = new Topics(broker.topic("e2e-raw"), broker.topic("e2e-enriched"), broker.topic("e2e-dlq"), broker.topic("e2e-stats"));
      EndToEndStage.Latency latency = EndToEndStage.run(broker.props(), broker.env(t.raw(), t.enriched(), t.dlq(), t.actorStats()),
          t, corpus, rate, seconds);
      String load = String.format(Locale.ROOT, "offered %.0f articles/s for %d s", latency.offeredPerSecond(), seconds);
      rows.add(new Row("end to end", "p50 ms", latency.p50(), load, latency.offeredPerSecond(), null, "", true));
      rows.add(new Row("end to end", "p95 ms", latency.p95(), load, latency.offeredPerSecond(), null, "", true));
      boolean target = rate == 300;
      rows.add(new Row("end to end", "p99 ms", latency.p99(), load, latency.offeredPerSecond(), null,
          target ? "< 1000" : "", !target || latency.p99() < 1000));
    }
    memory("end to end");
  }

  private static int option(List<String> options, String name, int fallback) {
    int at = options.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    try {
      return Integer.parseInt(options.get(at + 1));
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      System.err.println("newsflow bench: " + name + " takes a whole number");
      System.exit(2);
      return fallback;
    }
  }

  private interface Measure {
    double[] run() throws Exception;
  }

  /**
   * The median of {@code runs} runs, element by element, after one untimed warm-up run (not in
   * {@code --quick}): a cold JIT made the first of three aggregate runs half as fast as the
   * third, and the services this measures run for days, not seconds.
   */
  private double[] median(Measure measure) throws Exception {
    if (!quick) {
      measure.run();
    }
    List<double[]> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      results.add(measure.run());
    }
    double[] median = new double[results.get(0).length];
    for (int k = 0; k < median.length; k++) {
      int column = k;
      double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
      median[k] = values[values.length / 2];
    }
    return median;
  }

  private void memory(String stage) {
    Runtime rt = Runtime.getRuntime();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    memory.put(stage, Map.of("heapUsedMb", heap / (1024 * 1024), "heapMaxMb", rt.maxMemory() / (1024 * 1024), "rssMb", rssMb()));
  }

  private static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private void print(double seconds) {
    out.println();
    out.printf(Locale.ROOT, "newsflow bench%s: %d articles (aggregate: %d); throughput: median of %d run(s)%s; "
        + "end to end: one run per rate%s; %d cores, Java %s, %.0f s%n",
        quick ? " --quick" : "", articles, aggregateArticles, runs, quick ? "" : " after a warm-up", quick ? "" : " after a warm-up", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), seconds);
    out.printf(Locale.ROOT, "%-16s %-14s %12s   %-48s %12s %7s  %-11s%n", "stage", "metric", "value", "baseline", "baseline", "ratio", "target");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-16s %-14s %,12.1f   %-48s %,12.1f %7s  %-11s%s%n", r.stage(), r.metric(), r.value(),
          r.baseline(), r.baselineValue(), r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.target(), r.target().isEmpty() ? "" : r.met() ? " met" : " MISSED");
    }
    out.println("tool and broker logs of this run: " + ToolLog.path());
    out.println("memory of the bench JVM (broker, services and tools share it) after each stage: " + memory);
  }

  private void write() throws IOException {
    Path file = Path.of("bench", "results", "latest.json");
    Files.createDirectories(file.getParent());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", Instant.now().toString());
    json.put("quick", quick);
    json.put("stages", stages);
    json.put("articles", articles);
    json.put("aggregateArticles", aggregateArticles);
    json.put("runs", runs);
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("java", System.getProperty("java.version"));
    json.put("rows", rows);
    json.put("memory", memory);
    Files.writeString(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    out.println("results: " + file.toAbsolutePath());
  }

  private void progress(String format, Object... args) {
    out.printf(Locale.ROOT, "bench: " + format + "%n", args);
  }

  private static long medianLength(List<RawArticle> corpus) {
    long[] lengths = corpus.stream().mapToLong(a -> a.getText().length()).sorted().toArray();
    return lengths[lengths.length / 2];
  }
}
