package io.newsflow.ingest.article;

/** Thrown by readers and the factory for input that is not an article. */
public final class RejectedArticleException extends Exception {
  private final Rejection rejection;

  public RejectedArticleException(RejectReason reason, String where, String message) {
    super(where + ": " + message);
    this.rejection = new Rejection(reason, where, message);
  }

  public Rejection rejection() {
    return rejection;
  }
}
