package io.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  @Test
  void validTextDecodesUnchanged() throws Exception {
    String text = "Café, Київ, 北京, 🙂";
    assertThat(Utf8Text.decode(text.getBytes(StandardCharsets.UTF_8), "here")).isEqualTo(text);
    assertThat(Utf8Text.decode(new byte[0], "here")).isEmpty();
  }

  @Test
  void anInvalidByteIsNamedWithItsOffset() {
    assertThatThrownBy(() -> Utf8Text.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9, '!'}, "body"))
        .hasMessage("body: not valid UTF-8 text (invalid byte 0xE9 at byte offset 3)")
        .extracting(e -> ((RejectedArticleException) e).rejection().reason()).isEqualTo(RejectReason.INVALID_UTF8);
  }

  @Test
  void truncatedSequencesSurrogatesAndOverlongFormsAreRejected() {
    assertThatThrownBy(() -> Utf8Text.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, "x"))
        .hasMessageContaining("at byte offset 1");
    assertThatThrownBy(() -> Utf8Text.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "x"))
        .hasMessageContaining("at byte offset 0");
    assertThatThrownBy(() -> Utf8Text.decode(new byte[] {'a', 'b', (byte) 0xC0, (byte) 0xAF}, "x"))
        .hasMessageContaining("at byte offset 2");
  }
}
