package io.newsflow.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./newsflow bench extractor}: runs {@link ExtractorBenchmark} under JMH and prints
 * articles/s and MB/s per core for the extractor, the regex baseline, and their ratio.
 * {@code --quick} runs a short smoke version (numbers then mean little).
 */
public final class ExtractorThroughput {

  static final String ARTICLE = "seeds/000_2b015a0ac9e7801d.txt";

  /** One JMH measurement: operations per second of both benchmarks on an article of {@code bytes}. */
  record Measurement(double extractPerSecond, double baselinePerSecond, long bytes) {
    double extractMbPerSecond() {
      return extractPerSecond * bytes / 1e6;
    }

    double baselineMbPerSecond() {
      return baselinePerSecond * bytes / 1e6;
    }
  }

  private ExtractorThroughput() {}

  public static void main(String[] args) throws Exception {
    Measurement m = measure(args.length > 0 && args[0].equals("--quick"), ToolLog.stream());
    System.out.println();
    System.out.printf(Locale.ROOT, "article: %s (%,d bytes)%n", ARTICLE, m.bytes());
    System.out.printf(Locale.ROOT, "%-28s %12s %10s%n", "", "articles/s", "MB/s/core");
    System.out.printf(Locale.ROOT, "%-28s %,12.0f %10.1f%n", "extractor", m.extractPerSecond(), m.extractMbPerSecond());
    System.out.printf(Locale.ROOT, "%-28s %,12.0f %10.1f%n", "baseline: regex word scan", m.baselinePerSecond(), m.baselineMbPerSecond());
    System.out.println("JMH log: " + ToolLog.path());
    System.out.printf(Locale.ROOT, "ratio extractor / baseline: %.2f   (target: 50 MB/s per core)%n",
        m.extractPerSecond() / m.baselinePerSecond());
  }

  /** Runs JMH, its own output going to {@code log}. */
  static Measurement measure(boolean quick, PrintStream log) throws Exception {
    long bytes = Files.readString(Path.of(ARTICLE)).getBytes(StandardCharsets.UTF_8).length;
    Options options = new OptionsBuilder()
        .include(ExtractorBenchmark.class.getName())
        .param("article", ARTICLE)
        .forks(1)
        .threads(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 1 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .jvmArgs("-Xmx512m")
        .build();
    Collection<RunResult> results = new Runner(options, OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
    return new Measurement(score(results, "extract"), score(results, "regexWordScanBaseline"), bytes);
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst().orElseThrow().getPrimaryResult().getScore();
  }
}
