package io.newsflow.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a bench run's tool output goes to (the broker's and clients' logs through
 * {@code bench-logback.xml}, JMH's progress), so the terminal shows progress lines and the table.
 * {@code ./newsflow bench} names it with {@code -Dnewsflow.bench.log}.
 */
final class ToolLog {

  private ToolLog() {}

  static Path path() {
    return Path.of(System.getProperty("newsflow.bench.log", "bench/results/bench.log")).toAbsolutePath();
  }

  /** Appends to the log file. */
  static PrintStream stream() {
    try {
      Files.createDirectories(path().getParent());
      return new PrintStream(new FileOutputStream(path().toFile(), true), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
