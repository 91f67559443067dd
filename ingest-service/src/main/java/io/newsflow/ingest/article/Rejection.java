package io.newsflow.ingest.article;

/** An input that will not be published, where it was, and a message a person can act on. */
public record Rejection(RejectReason reason, String where, String message) {
  @Override
  public String toString() {
    return where + ": " + message;
  }
}
