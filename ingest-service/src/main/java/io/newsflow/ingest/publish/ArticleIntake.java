package io.newsflow.ingest.publish;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.ingest.article.Rejection;
import io.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one path from a source's drafts to the raw topic: validate (ArticleFactory), publish
 * (RawArticlePublisher), count what was rejected (IngestMetrics). A source only turns its input
 * into drafts, reports what it could not read, and decides when to wait for Kafka; a new source
 * (a webhook, a poller) is one class that does that.
 */
public final class ArticleIntake {

  private final ArticleFactory factory;
  private final RawArticlePublisher publisher;
  private final IngestMetrics metrics;

  public ArticleIntake(ArticleFactory factory, RawArticlePublisher publisher, IngestMetrics metrics) {
    this.factory = factory;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** The article a draft makes, or the reason it makes none (not yet counted: see {@link #rejected}). */
  public RawArticle validate(ArticleDraft draft) throws RejectedArticleException {
    return factory.create(draft);
  }

  /** Counts one input that will not be published, whichever step refused it. */
  public void rejected(Rejection rejection) {
    metrics.rejected(rejection.reason());
  }

  /** Sends one article; the future completes once Kafka acknowledged it. */
  public CompletableFuture<RecordMetadata> publish(RawArticle article) {
    return publisher.send(article);
  }

  /** Sends the articles and waits until Kafka acknowledged every one, or throws. */
  public void publishAll(List<RawArticle> articles, Duration timeout) throws RawArticlePublisher.PublishException {
    publisher.sendAll(articles, timeout);
  }

  public void flush() {
    publisher.flush();
  }
}
