package io.newsflow.bench;

import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.Extractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The extractor on a news-sized article, single-threaded, beside a baseline on the same text:
 * one pass of a JDK regex word tokenizer, the least any text analysis does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractorBenchmark {

  private static final Pattern WORD = Pattern.compile("\\p{L}+|\\d+");

  /** The article to read; the seed article by default (about 7 KB). */
  @Param("seeds/000_2b015a0ac9e7801d.txt")
  public String article;

  private String text;
  private Extractor extractor;

  @Setup
  public void load() {
    try {
      text = Files.readString(Path.of(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    extractor = new Extractor();
  }

  @Benchmark
  public Extraction extract() {
    return extractor.extract(text);
  }

  @Benchmark
  public int regexWordScanBaseline() {
    Matcher m = WORD.matcher(text);
    int words = 0;
    while (m.find()) {
      words++;
    }
    return words;
  }
}
