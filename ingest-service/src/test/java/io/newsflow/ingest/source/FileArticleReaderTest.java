package io.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.RejectReason;
import io.newsflow.ingest.article.Rejection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArticleReaderTest {

  @TempDir Path dir;
  final List<ArticleDraft> articles = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final ArticleSink sink = new ArticleSink() {
    @Override
    public void article(ArticleDraft draft) {
      articles.add(draft);
    }

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
    }
  };

  private void read(String name, byte[] content, boolean strict) throws Exception {
    Path file = Files.write(dir.resolve(name), content);
    new FileArticleReader(strict).read(file, sink);
  }

  @Test
  void textFileTakesItsFirstLineAsTitleWhenItLooksLikeOne() throws Exception {
    read("a.txt", "North Korean troops in Kursk\n\nMore than a dozen soldiers were found dead.".getBytes(), false);
    read("b.txt", "Fighting went on.\nThen it stopped.".getBytes(), false);
    read("c.md", "# Headline here\nBody text.".getBytes(), false);

    assertThat(articles).extracting(ArticleDraft::title).containsExactly("North Korean troops in Kursk", null, "Headline here");
    assertThat(articles.get(0).text()).isEqualTo("More than a dozen soldiers were found dead.");
    assertThat(articles.get(1).text()).isEqualTo("Fighting went on.\nThen it stopped.");
  }

  @Test
  void htmlLosesScriptsStylesAndMarkup() throws Exception {
    read("a.html", ("<html><head><title>Strike on Kharkiv</title><style>p{}</style></head><body>"
        + "<nav>Home | World</nav><script>alert('x')</script><p>At least <b>14</b> people died.</p>"
        + "<p>Officials said &amp; confirmed.</p></body></html>").getBytes(), false);

    assertThat(articles).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Strike on Kharkiv");
      assertThat(a.text()).isEqualTo("At least 14 people died.\nOfficials said & confirmed.\n");
    });
  }

  @Test
  void jsonLinesReportBadLinesByNumberAndKeepTheGoodOnes() throws Exception {
    read("a.jsonl", "{\"id\":\"1\",\"text\":\"one\"}\n{oops\n\n{\"id\":\"3\"}\n{\"id\":\"4\",\"text\":\"four\"}\n".getBytes(), false);

    assertThat(articles).extracting(ArticleDraft::id).containsExactly("1", "4");
    assertThat(rejections).extracting(Rejection::toString).containsExactly(
        dir.resolve("a.jsonl") + ":2: not valid JSON (Unexpected character ('o' (code 111)): was expecting double-quote to start field name)",
        dir.resolve("a.jsonl") + ":4: missing field \"text\"");
  }

  @Test
  void strictModeRejectsUnknownFields() throws Exception {
    read("a.json", "{\"titel\":\"typo\",\"text\":\"t\"}".getBytes(), true);
    read("b.json", "{\"titel\":\"typo\",\"text\":\"t\"}".getBytes(), false);

    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_FIELD);
      assertThat(r.message()).startsWith("unknown field \"titel\"");
    });
    assertThat(articles).hasSize(1);
  }

  @Test
  void binaryAndInvalidUtf8FilesAreRejectedWhole() throws Exception {
    read("a.txt", new byte[] {'h', 'i', 0, 1, 2}, false);
    read("b.txt", new byte[] {'c', 'a', 'f', (byte) 0xC3, (byte) 0x28}, false);
    read("c.pdf", "%PDF".getBytes(), false);

    assertThat(articles).isEmpty();
    assertThat(rejections).extracting(Rejection::reason)
        .containsExactly(RejectReason.BINARY, RejectReason.INVALID_UTF8, RejectReason.UNSUPPORTED_FILE);
  }
}
