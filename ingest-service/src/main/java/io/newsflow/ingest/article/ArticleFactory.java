package io.newsflow.ingest.article;

import io.newsflow.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Turns a draft into the RawArticle that goes on the topic, or says why it cannot. */
public final class ArticleFactory {

  private final long maxTextBytes;
  private final Clock clock;

  public ArticleFactory(long maxTextBytes, Clock clock) {
    this.maxTextBytes = maxTextBytes;
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
    String text = TextNormalizer.normalize(draft.text());
    if (text.isEmpty()) {
      throw new RejectedArticleException(RejectReason.EMPTY_TEXT, draft.where(), "field \"text\" is empty");
    }
    String title = emptyToNull(TextNormalizer.normalize(draft.title()));
    Instant publishedAt = null;
    if (draft.publishedAt() != null && !draft.publishedAt().isBlank()) {
      try {
        publishedAt = PublishedAtParser.parse(draft.publishedAt());
      } catch (DateTimeParseException e) {
        throw new RejectedArticleException(RejectReason.BAD_DATE, draft.where(),
            "field \"publishedAt\" is not an ISO-8601 or RFC 1123 date: '" + draft.publishedAt() + "'");
      }
    }
    String url = emptyToNull(draft.url());
    return RawArticle.newBuilder()
        .setId(ArticleIdentity.idFor(draft.id(), url, title, text))
        .setSource(draft.source())
        .setUrl(url)
        .setTitle(title)
        .setText(text)
        .setLanguage(emptyToNull(draft.language()))
        .setPublishedAt(publishedAt)
        .setIngestedAt(clock.instant())
        .setContentHash(ArticleIdentity.contentHash(title, text))
        .build();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
