package io.newsflow.ingest.article;

import java.text.Normalizer;
import org.jsoup.parser.Parser;

/**
 * The one canonical form of article text: HTML entities decoded, Unicode NFC, control
 * characters removed, runs of whitespace collapsed. Paragraph breaks survive as one newline.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String decoded = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, false) : raw;
    String nfc = Normalizer.normalize(decoded, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    boolean space = false;
    boolean newline = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2029') {
        newline = true;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200D') {
        continue; // control and invisible format characters carry no text
      } else {
        if (out.length() > 0 && newline) {
          out.append('\n');
        } else if (out.length() > 0 && space) {
          out.append(' ');
        }
        space = false;
        newline = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
