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
    // isNormalized is a quick scan; most news text is NFC already.
    String nfc = Normalizer.isNormalized(decoded, Normalizer.Form.NFC) ? decoded : Normalizer.normalize(decoded, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    boolean space = false;
    boolean newline = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2029') {
        newline = true;
      } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || (c > 127 && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
        space = true;
      } else if (c < 32 || c == 127 || (c > 127 && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200D'))) {
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
