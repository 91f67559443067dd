package io.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void composesWhatIsNotNfcAndLeavesWhatIs() {
    assertThat(TextNormalizer.normalize("Cafe\u0301 in Kyiv")).isEqualTo("Caf\u00e9 in Kyiv");
    assertThat(TextNormalizer.normalize("\u1100\u1161 and \u2126")).isEqualTo("\uac00 and \u03a9"); // jamo, Ohm sign
    assertThat(TextNormalizer.normalize("Caf\u00e9 \u00bd \u00fc")).isEqualTo("Caf\u00e9 \u00bd \u00fc"); // Latin-1: NFC as it is
  }

  @Test
  void collapsesWhitespaceKeepsOneParagraphBreakAndDropsInvisibleCharacters() {
    assertThat(TextNormalizer.normalize("  one\u00a0\t two\r\n\r\n\u2029three\u200b\u0007 four\u200d  "))
        .isEqualTo("one two\nthree four\u200d");
  }

  @Test
  void decodesEntitiesBeforeAnythingElse() {
    assertThat(TextNormalizer.normalize("Troops &amp; tanks&nbsp;&nbsp;moved")).isEqualTo("Troops & tanks moved");
  }
}
