package io.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenArticlesTest {

  private static RawArticle article(String id, String hash) {
    return RawArticle.newBuilder().setId(id).setSource("test").setUrl(null).setTitle(null).setText("t")
        .setLanguage(null).setPublishedAt(null).setIngestedAt(Instant.EPOCH).setContentHash(hash).build();
  }

  @Test
  void aRepeatIsSeenACorrectionIsNot() {
    SeenArticles seen = new SeenArticles(10);
    seen.add(article("a", "h1"));

    assertThat(seen.contains(article("a", "h1"))).isTrue();
    assertThat(seen.contains(article("a", "h2"))).as("same id, new content: a correction").isFalse();
    assertThat(seen.contains(article("b", "h1"))).isFalse();
    seen.add(article("a", "h2"));
    assertThat(seen.contains(article("a", "h1"))).as("the correction replaced it").isFalse();
  }

  @Test
  void keepsOnlyTheMostRecentIds() {
    SeenArticles seen = new SeenArticles(2);
    seen.add(article("a", "h"));
    seen.add(article("b", "h"));
    seen.add(article("c", "h"));

    assertThat(seen.contains(article("a", "h"))).isFalse();
    assertThat(seen.contains(article("b", "h"))).isTrue();
    assertThat(seen.contains(article("c", "h"))).isTrue();
  }
}
