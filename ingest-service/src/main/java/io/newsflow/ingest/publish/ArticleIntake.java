package io.newsflow.ingest.publish;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.ingest.article.Rejection;
import io.newsflow.ingest.article.SeenArticles;
import io.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path from a source's drafts to the raw topic: validate (ArticleFactory), drop what
 * this intake already published (same id and content; a correction goes through), publish and
 * wait for Kafka's acknowledgement (RawArticlePublisher), count every rejection (IngestMetrics).
 * A source only turns its input into drafts, reports input it could not read at all
 * ({@link #rejected}) and decides how to answer the {@link Outcome}; a new source (a webhook, a
 * poller) is one class that does that.
 */
public final class ArticleIntake {

  /** Whether one bad draft refuses its whole batch (an HTTP request) or only itself (a file, a feed). */
  public enum Batch { ALL_OR_NOTHING, EACH }

  /** A draft that makes no article, and why. */
  public record Refused(ArticleDraft draft, Rejection rejection) {}

  /**
   * What became of a batch: the articles its valid drafts made ({@code duplicates} of them
   * published before, so not sent again), the drafts refused, and, when Kafka did not acknowledge
   * the rest within the timeout, why ({@code failure}; nothing of the batch then counts as published
   * and a retry of the whole batch is safe: ids are stable). In {@link Batch#ALL_OR_NOTHING} mode a
   * refused draft leaves {@code accepted} empty: nothing was sent.
   */
  public record Outcome(List<RawArticle> accepted, int duplicates, List<Refused> refused, String failure) {
    public boolean acknowledged() {
      return failure == null;
    }

    /** How many articles this batch sent that Kafka acknowledged. */
    public int published() {
      return acknowledged() ? accepted.size() - duplicates : 0;
    }
  }

  private final ArticleFactory factory;
  private final RawArticlePublisher publisher;
  private final IngestMetrics metrics;
  private final SeenArticles published;

  /** {@code remembered}: how many published articles it recognises as repeats. */
  public ArticleIntake(ArticleFactory factory, RawArticlePublisher publisher, IngestMetrics metrics, int remembered) {
    this.factory = factory;
    this.publisher = publisher;
    this.metrics = metrics;
    this.published = new SeenArticles(remembered);
  }

  /** Validates, de-duplicates, publishes and awaits one batch of drafts. */
  public Outcome take(List<ArticleDraft> drafts, Batch mode, Duration ackTimeout) {
    List<RawArticle> accepted = new ArrayList<>(drafts.size());
    List<RawArticle> fresh = new ArrayList<>(drafts.size());
    List<Refused> refused = new ArrayList<>();
    SeenArticles inBatch = new SeenArticles(Integer.MAX_VALUE); // the same article twice in one batch is sent once
    for (ArticleDraft draft : drafts) {
      try {
        RawArticle article = factory.create(draft);
        accepted.add(article);
        if (!published.contains(article) && !inBatch.contains(article)) {
          inBatch.add(article);
          fresh.add(article);
        }
      } catch (RejectedArticleException e) {
        rejected(e.rejection());
        refused.add(new Refused(draft, e.rejection()));
        if (mode == Batch.ALL_OR_NOTHING) {
          return new Outcome(List.of(), 0, refused, null);
        }
      }
    }
    int duplicates = accepted.size() - fresh.size();
    try {
      publisher.sendAll(fresh, ackTimeout);
    } catch (RawArticlePublisher.PublishException e) {
      return new Outcome(accepted, duplicates, refused, e.getMessage());
    }
    fresh.forEach(published::add);
    return new Outcome(accepted, duplicates, refused, null);
  }

  /** Counts one input a source could not even make a draft of (unreadable bytes, bad JSON, a refused request). */
  public void rejected(Rejection rejection) {
    metrics.rejected(rejection.reason());
  }
}
