package io.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleFactoryTest {

  private final ArticleFactory factory = new ArticleFactory(1000, Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));

  private static ArticleDraft draft(String id, String url, String title, String text, String publishedAt) {
    return new ArticleDraft("test", "here", id, url, title, text, publishedAt, null);
  }

  @Test
  void normalisesTextAndTitle() throws Exception {
    RawArticle a = factory.create(draft(null, null, "  Troops &amp; tanks ", "Cafe\u0301  \t opened\u0007 &quot;today&quot;\n\n\nNext  para", null));

    assertThat(a.getTitle()).isEqualTo("Troops & tanks");
    assertThat(a.getText()).isEqualTo("Café opened \"today\"\nNext para");
    assertThat(a.getIngestedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
  }

  @Test
  void idIsTheSourcesThenTheCanonicalUrlsThenTheContents() throws Exception {
    assertThat(factory.create(draft("reuters-123", "https://x.org/a", null, "t", null)).getId()).isEqualTo("reuters-123");

    String byUrl = factory.create(draft(null, "https://News.example.org/world/a/?utm_source=rss#top", null, "t", null)).getId();
    assertThat(byUrl).startsWith("url-")
        .isEqualTo(factory.create(draft(null, "https://news.example.org/world/a", null, "other text", null)).getId());

    String byContent = factory.create(draft(null, null, "T", "Two  soldiers were captured.", null)).getId();
    assertThat(byContent).startsWith("sha-")
        .isEqualTo(factory.create(draft(null, null, "T", "Two soldiers were captured.", null)).getId())
        .isNotEqualTo(factory.create(draft(null, null, "T", "Three soldiers were captured.", null)).getId());
  }

  @Test
  void contentHashTellsACorrectionFromARepeat() throws Exception {
    RawArticle first = factory.create(draft("a1", null, "T", "12 killed", null));
    RawArticle repeat = factory.create(draft("a1", null, "T", "12  killed", null));
    RawArticle correction = factory.create(draft("a1", null, "T", "14 killed", null));

    assertThat(repeat.getContentHash()).isEqualTo(first.getContentHash());
    assertThat(correction.getId()).isEqualTo(first.getId());
    assertThat(correction.getContentHash()).isNotEqualTo(first.getContentHash());
  }

  @Test
  void parsesPublicationDatesInCommonForms() throws Exception {
    assertThat(factory.create(draft(null, null, null, "t", "2024-10-05T08:00:00+02:00")).getPublishedAt())
        .isEqualTo(Instant.parse("2024-10-05T06:00:00Z"));
    assertThat(factory.create(draft(null, null, null, "t", "Sat, 05 Oct 2024 06:00:00 GMT")).getPublishedAt())
        .isEqualTo(Instant.parse("2024-10-05T06:00:00Z"));
    assertThat(factory.create(draft(null, null, null, "t", "2024-10-05")).getPublishedAt())
        .isEqualTo(Instant.parse("2024-10-05T00:00:00Z"));
  }

  @Test
  void aDateBeyondTheFutureToleranceIsRejectedAsFutureDate() throws Exception {
    assertThat(factory.create(draft(null, null, null, "t", "2025-01-03T03:04:05Z")).getPublishedAt())
        .isEqualTo(Instant.parse("2025-01-03T03:04:05Z"));
    assertThatThrownBy(() -> factory.create(draft(null, null, null, "t", "2025-01-03T03:04:06Z")))
        .hasMessage("here: field \"publishedAt\" is 2025-01-03T03:04:06Z, more than 1d after now (2025-01-02T03:04:05Z; ingest.max.future)")
        .extracting(e -> ((RejectedArticleException) e).rejection().reason()).isEqualTo(RejectReason.FUTURE_DATE);
    ArticleFactory strict = new ArticleFactory(1000, Duration.ofHours(2), Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));
    assertThatThrownBy(() -> strict.create(draft(null, null, null, "t", "Thu, 02 Jan 2025 06:00:00 GMT")))
        .hasMessageContaining("more than 2h after now");
  }

  @Test
  void rejectsWithReasons() {
    assertThatThrownBy(() -> factory.create(draft(null, null, null, "   \n ", null)))
        .isInstanceOf(RejectedArticleException.class).hasMessage("here: field \"text\" is empty")
        .extracting(e -> ((RejectedArticleException) e).rejection().reason()).isEqualTo(RejectReason.EMPTY_TEXT);
    assertThatThrownBy(() -> factory.create(draft(null, null, null, "x".repeat(1001), null)))
        .hasMessageContaining("1001 bytes, over the limit of 1000");
    assertThatThrownBy(() -> factory.create(draft(null, null, null, "t", "yesterday")))
        .hasMessageContaining("\"publishedAt\" is not an ISO-8601 or RFC 1123 date: 'yesterday'");
    assertThatThrownBy(() -> factory.create(draft(null, null, null, null, null)))
        .hasMessageContaining("missing field \"text\"");
  }
}
