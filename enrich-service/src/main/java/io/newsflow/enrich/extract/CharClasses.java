package io.newsflow.enrich.extract;

import java.text.Normalizer;

/**
 * Folds every UTF-16 char to a small alphabet for the actor automaton: letters without case
 * or accents, digits, space (also hyphen), apostrophe and period; everything else is 0, which
 * never continues a match. Folding is one char to one class, so offsets stay the text's own.
 */
final class CharClasses {

  static final int OTHER = 0;
  static final int SPACE = 37;
  static final int APOSTROPHE = 38;
  static final int PERIOD = 39;
  static final int COUNT = 40;

  private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      CLASS[c] = (byte) compute((char) c);
    }
  }

  private CharClasses() {}

  static int of(char c) {
    return CLASS[c];
  }

  private static int compute(char c) {
    if (c == ' ' || c == '-' || c == '\u2010' || c == '\u2011' || c == '\n' || c == '\t' || c == '\u00A0') {
      return SPACE;
    }
    if (c == '\'' || c == '\u2019' || c == '\u2018') {
      return APOSTROPHE;
    }
    if (c == '.') {
      return PERIOD;
    }
    if (c >= '0' && c <= '9') {
      return 27 + (c - '0');
    }
    if (!Character.isLetter(c)) {
      return OTHER;
    }
    char base = Character.toLowerCase(c);
    if (base > 'z') {
      String stripped = Normalizer.normalize(String.valueOf(base), Normalizer.Form.NFD);
      base = stripped.isEmpty() ? base : stripped.charAt(0);
    }
    return base >= 'a' && base <= 'z' ? 1 + (base - 'a') : OTHER;
  }
}
