package io.newsflow.ingest.article;

/** Why an article was not published; the value of the {@code reason} tag in metrics. */
public enum RejectReason {
  EMPTY_TEXT,
  MISSING_TEXT,
  TOO_LARGE,
  INVALID_UTF8,
  BINARY,
  MALFORMED_JSON,
  UNKNOWN_FIELD,
  BAD_DATE,
  FUTURE_DATE,
  UNSUPPORTED_FILE,
  UNSUPPORTED_MEDIA_TYPE,
  BAD_ID,
  UNAUTHORIZED;

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
