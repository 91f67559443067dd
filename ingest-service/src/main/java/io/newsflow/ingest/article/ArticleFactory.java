package io.newsflow.ingest.article;

import io.newsflow.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Turns a draft into the RawArticle that goes on the topic, or says why it cannot. */
public final class ArticleFactory {

  /** The default of {@code ingest.max.future}: time zones and clock skew, not a date years ahead. */
  public static final Duration DEFAULT_MAX_FUTURE = Duration.ofDays(1);

  private final long maxTextBytes;
  private final Duration maxFuture;
  private final Clock clock;

  public ArticleFactory(long maxTextBytes, Clock clock) {
    this(maxTextBytes, DEFAULT_MAX_FUTURE, clock);
  }

  public ArticleFactory(long maxTextBytes, Duration maxFuture, Clock clock) {
    this.maxTextBytes = maxTextBytes;
    this.maxFuture = maxFuture;
    this.clock = clock;
  }

  public RawArticle create(ArticleDraft draft) throws RejectedArticleException {
    if (draft.text() == null) {
      throw new RejectedArticleException(RejectReason.MISSING_TEXT, draft.where(), "missing field \"text\"");
    }
    long bytes = draft.text().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxTextBytes) {
      throw new RejectedArticleException(RejectReason.TOO_LARGE, draft.where(),
          "text is " + bytes + " bytes, over the limit of " + maxTextBytes + " (ingest.max.text.bytes)");
    }
    requirePrintableId(draft);
    String text = TextNormalizer.normalize(draft.text());
    if (text.isEmpty()) {
      throw new RejectedArticleException(RejectReason.EMPTY_TEXT, draft.where(), "field \"text\" is empty");
    }
    String title = emptyToNull(TextNormalizer.normalize(draft.title()));
    Instant now = clock.instant();
    Instant publishedAt = publishedAt(draft, now);
    String url = emptyToNull(draft.url());
    return RawArticle.newBuilder()
        .setId(ArticleIdentity.idFor(draft.id(), url, title, text))
        .setSource(draft.source())
        .setUrl(url)
        .setTitle(title)
        .setText(text)
        .setLanguage(emptyToNull(draft.language()))
        .setPublishedAt(publishedAt)
        .setIngestedAt(now)
        .setContentHash(ArticleIdentity.contentHash(title, text))
        .build();
  }

  /**
   * A source's id becomes the record key and what a person reads in logs and on the dashboard: a
   * control character in it is an error at the source, not something to repair silently.
   */
  private static void requirePrintableId(ArticleDraft draft) throws RejectedArticleException {
    String id = draft.id();
    if (id == null) {
      return;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new RejectedArticleException(RejectReason.BAD_ID, draft.where(),
            "field \"id\" holds control character U+" + String.format("%04X", (int) id.charAt(i)) + " at index " + i);
      }
    }
  }

  /**
   * The parsed date, or null when none is given. A date beyond {@code ingest.max.future} is
   * rejected: it would stay every statistic's "latest" and "last seen" for good.
   */
  private Instant publishedAt(ArticleDraft draft, Instant now) throws RejectedArticleException {
    if (draft.publishedAt() == null || draft.publishedAt().isBlank()) {
      return null;
    }
    Instant publishedAt;
    try {
      publishedAt = PublishedAtParser.parse(draft.publishedAt());
    } catch (DateTimeParseException e) {
      throw new RejectedArticleException(RejectReason.BAD_DATE, draft.where(),
          "field \"publishedAt\" is not an ISO-8601 or RFC 1123 date: '" + draft.publishedAt() + "'");
    }
    if (publishedAt.isAfter(now.plus(maxFuture))) {
      throw new RejectedArticleException(RejectReason.FUTURE_DATE, draft.where(), "field \"publishedAt\" is "
          + publishedAt + ", more than " + readable(maxFuture) + " after now (" + now + "; ingest.max.future)");
    }
    return publishedAt;
  }

  private static String readable(Duration d) {
    if (d.toSeconds() % 86_400 == 0) {
      return d.toDays() + "d";
    }
    return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
