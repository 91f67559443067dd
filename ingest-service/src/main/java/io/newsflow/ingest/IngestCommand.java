package io.newsflow.ingest;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.RejectReason;
import io.newsflow.ingest.article.Rejection;
import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.ingest.source.ArticleSink;
import io.newsflow.ingest.source.FileArticleReader;
import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.TopicSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./newsflow ingest PATH...}: publishes files and folders (recursively) to the raw topic.
 * Prints each rejected input with its file and line, then a summary. Exit codes: 0 all published,
 * 1 something was rejected or not acknowledged, 2 usage error, 3 Kafka unreachable.
 */
public final class IngestCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean progress;

  IngestCommand(PrintStream out, PrintStream err, boolean progress) {
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  public static void main(String[] args) {
    System.exit(new IngestCommand(System.out, System.err, System.console() != null).run(args, Settings.load(IngestConfig.DEFAULTS)));
  }

  int run(String[] args, Settings settings) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      err.println("usage: newsflow ingest PATH...   (.txt .md .html .json .jsonl files, folders read recursively)");
      return 2;
    }
    IngestConfig config;
    List<Path> files = new ArrayList<>();
    int skipped;
    try {
      config = IngestConfig.from(settings);
      skipped = collect(args, files);
    } catch (ConfigException e) {
      err.println("newsflow ingest: " + e.getMessage());
      return 2;
    }
    try {
      KafkaConnectivity.requireReachable(config.kafka(), Duration.ofSeconds(5));
      TopicSetup.ensure(config.kafka(), config.topics(), settings);
    } catch (ConfigException e) {
      err.println("newsflow ingest: Kafka is not reachable, nothing was published: " + e.getMessage());
      return 3;
    }
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    FileArticleReader reader = new FileArticleReader(config.strict());
    Run run;
    try (RawArticlePublisher publisher = new RawArticlePublisher(config.kafka(), config.topics().raw(), metrics)) {
      // one run remembers all it published: the same article twice is sent once
      run = new Run(new ArticleIntake(config.articleFactory(), publisher, metrics, Integer.MAX_VALUE), config.ackTimeout());
      for (int i = 0; i < files.size(); i++) {
        reader.read(files.get(i), run);
        showProgress(i + 1, files.size());
      }
      run.send();
      clearProgress();
    }
    int totalRejected = run.rejected.values().stream().mapToInt(Integer::intValue).sum();
    out.printf("read %d file(s) with %d article(s): %d published to %s, %d duplicate(s), %d rejected%s%s%n",
        files.size(), run.read, run.published, config.topics().raw(), run.duplicates, totalRejected,
        totalRejected == 0 ? "" : " (" + run.rejected.entrySet().stream().map(e -> e.getKey().tag() + ": " + e.getValue())
            .collect(Collectors.joining(", ")) + ")",
        skipped == 0 ? "" : "; " + skipped + " file(s) of other types in folders skipped");
    if (run.unacknowledged > 0) {
      err.println("newsflow ingest: Kafka did not acknowledge " + run.unacknowledged + " article(s): " + run.failure);
    }
    return totalRejected == 0 && run.unacknowledged == 0 ? 0 : 1;
  }

  /** One run over the files: their drafts go to the intake in batches, every rejection is printed and counted. */
  private final class Run implements ArticleSink {
    /** Drafts per round trip to Kafka: large enough to batch, small enough to report progress. */
    private static final int BATCH = 1000;

    private final ArticleIntake intake;
    private final Duration ackTimeout;
    private final List<ArticleDraft> batch = new ArrayList<>();
    private final Map<RejectReason, Integer> rejected = new EnumMap<>(RejectReason.class);
    private int read;
    private int published;
    private int duplicates;
    private int unacknowledged;
    private String failure;

    Run(ArticleIntake intake, Duration ackTimeout) {
      this.intake = intake;
      this.ackTimeout = ackTimeout;
    }

    @Override
    public void article(ArticleDraft draft) {
      batch.add(draft);
      if (batch.size() == BATCH) {
        send();
      }
    }

    @Override
    public void rejected(Rejection rejection) {
      intake.rejected(rejection);
      report(rejection);
    }

    void send() {
      ArticleIntake.Outcome outcome = intake.take(batch, ArticleIntake.Batch.EACH, ackTimeout);
      read += batch.size();
      duplicates += outcome.duplicates();
      published += outcome.published();
      outcome.refused().forEach(r -> report(r.rejection())); // the intake counted them
      if (!outcome.acknowledged()) {
        unacknowledged += outcome.accepted().size() - outcome.duplicates();
        failure = outcome.failure();
      }
      batch.clear();
    }

    private void report(Rejection rejection) {
      rejected.merge(rejection.reason(), 1, Integer::sum);
      clearProgress();
      err.println("newsflow ingest: " + rejection);
    }
  }

  /** Files named directly are read whatever their type; folders contribute their article files. */
  private static int collect(String[] args, List<Path> files) {
    int skipped = 0;
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          List<Path> found = walk.filter(Files::isRegularFile).sorted().toList();
          for (Path f : found) {
            if (FileArticleReader.EXTENSIONS.contains(FileArticleReader.extension(f))) {
              files.add(f);
            } else {
              skipped++;
            }
          }
        } catch (IOException e) {
          throw new ConfigException(arg + ": cannot read folder: " + e.getMessage(), e);
        }
      } else {
        throw new ConfigException(arg + ": no such file or folder");
      }
    }
    return skipped;
  }

  private void showProgress(int done, int total) {
    if (progress && total >= 20) {
      int width = 30;
      int filled = done * width / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files");
    }
  }

  private void clearProgress() {
    if (progress) {
      err.print("\r\033[K");
    }
  }
}
