package io.newsflow.ingest.source;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.Rejection;

/** Where a source hands what it read: articles to publish, inputs it had to reject. */
public interface ArticleSink {
  void article(ArticleDraft draft);

  void rejected(Rejection rejection);
}
