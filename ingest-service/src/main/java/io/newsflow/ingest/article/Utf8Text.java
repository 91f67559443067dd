package io.newsflow.ingest.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for every source (files and {@code POST /articles}): invalid bytes are rejected
 * with their offset, never replaced by U+FFFD, so no article text is silently altered.
 */
public final class Utf8Text {

  private Utf8Text() {}

  public static String decode(byte[] bytes, String where) throws RejectedArticleException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new RejectedArticleException(RejectReason.INVALID_UTF8, where,
          "not valid UTF-8 text (invalid byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
              + " at byte offset " + in.position() + ")");
    }
    return out.flip().toString();
  }
}
