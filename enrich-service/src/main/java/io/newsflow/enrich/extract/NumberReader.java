package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.Qualifier;

/**
 * Reads amounts as news states them: digits ("11,000", "1.2 million", "3k"), words ("two",
 * "eleven thousand", "twenty-five"), dozens ("a dozen", "two dozen"), vague plurals coded
 * conservatively ("dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1,000, "tens of
 * thousands" 10,000, all AT_LEAST), qualifiers ("more than", "around", "up to") and ranges
 * ("between 20 and 30", "20 to 30", "20-30", "two or three").
 */
final class NumberReader {

  private final Lexicon lexicon;
  private final int wordA;
  private final int wordAn;
  private final int wordOne;
  private final int wordOf;
  private final int wordAnd;
  private final int wordBetween;

  NumberReader(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.wordA = lexicon.id("a");
    this.wordAn = lexicon.id("an");
    this.wordOne = lexicon.id("one");
    this.wordOf = lexicon.id("of");
    this.wordAnd = lexicon.id("and");
    this.wordBetween = lexicon.id("between");
  }

  /** Whether a bare amount (no qualifier) starts at token t. */
  boolean startsAmount(Tokens tokens, int t) {
    return bare(tokens, t) != null;
  }

  /** The amount whose number starts at token t, with the qualifier before it, or null. */
  NumberExpression read(Tokens tokens, int t) {
    long[] bare = bare(tokens, t);
    if (bare == null) {
      return null;
    }
    int end = (int) bare[1];
    long value = bare[0];
    boolean vague = bare[2] == 1;
    int first = t;
    Qualifier qualifier = vague ? Qualifier.AT_LEAST : Qualifier.EXACT;
    if (vague && bare[3] == 1) {
      qualifier = Qualifier.MORE_THAN; // "several hundred"
    }
    Phrase before = lexicon.phraseEndingAt(tokens, t - 1, Role.QUALIFIER);
    if (before != null) {
      qualifier = Qualifier.valueOf(before.argument());
      first = t - before.length();
    }
    // Ranges: "between 20 and 30", "20 to 30", "20-30", "two or three".
    boolean between = tokens.word(t - 1) == wordBetween;
    boolean joiner = lexicon.startsPhrase(tokens.word(end), Role.RANGE_JOIN) || tokens.isPunct(end, '-') || tokens.isPunct(end, '\u2013');
    if (joiner && (tokens.word(end) != wordAnd || between)) {
      long[] high = bare(tokens, end + 1);
      if (high != null && high[0] > value) {
        return NumberExpression.range(between ? t - 1 : first, (int) high[1], value, high[0]);
      }
    }
    return NumberExpression.of(first, end, value, qualifier);
  }

  /** {value, end, vague?, several?} of the unqualified amount at t, or null. */
  private long[] bare(Tokens tokens, int t) {
    if (t < 0 || t >= tokens.size()) {
      return null;
    }
    if (tokens.isNumber(t)) {
      double value = tokens.number(t);
      int end = t + 1;
      long scale = scaleAt(tokens, end);
      if (scale > 0) {
        value *= scale;
        end++;
      }
      return new long[] {Math.round(value), end, 0, 0};
    }
    int w = tokens.word(t);
    if (w < 0) {
      return null;
    }
    if ((w == wordA || w == wordAn || w == wordOne) && scaleAt(tokens, t + 1) > 0) {
      long value = scaleAt(tokens, t + 1);
      int end = t + 2;
      long more = scaleAt(tokens, end);
      if (more > 0) {
        value *= more;
        end++;
      }
      return new long[] {value, end, 0, 0};
    }
    Phrase number = lexicon.phraseAt(tokens, t, Role.NUMBER);
    if (number != null) {
      return words(tokens, t, number);
    }
    Phrase vague = lexicon.phraseAt(tokens, t, Role.VAGUE);
    if (vague != null) {
      long value = vague.value();
      int end = t + 1;
      Phrase next = tokens.word(end) == wordOf ? lexicon.phraseAt(tokens, end + 1, Role.VAGUE) : null;
      if (next != null) {
        value *= next.value(); // "tens of thousands", "hundreds of thousands"
        end += 2;
      }
      return new long[] {value, end, 1, 0};
    }
    Phrase few = lexicon.phraseAt(tokens, t, Role.FEW);
    if (few != null && scaleAt(tokens, t + few.length()) > 0) {
      return new long[] {scaleAt(tokens, t + few.length()), t + few.length() + 1, 1, 1};
    }
    return null;
  }

  /** "two", "twenty-five", "two hundred and fifty", "eleven thousand". */
  private long[] words(Tokens tokens, int t, Phrase first) {
    long value = first.value();
    int end = t + first.length();
    if (value >= 20 && value % 10 == 0 && value < 100) {
      int unitAt = tokens.isPunct(end, '-') ? end + 1 : end;
      Phrase unit = lexicon.phraseAt(tokens, unitAt, Role.NUMBER);
      if (unit != null && unit.value() > 0 && unit.value() < 10) {
        value += unit.value();
        end = unitAt + 1;
      }
    }
    long scale = scaleAt(tokens, end);
    while (scale > 0) {
      value *= scale;
      end++;
      if (tokens.word(end) == wordAnd && lexicon.phraseAt(tokens, end + 1, Role.NUMBER) != null) {
        long[] rest = words(tokens, end + 1, lexicon.phraseAt(tokens, end + 1, Role.NUMBER));
        if (rest[0] < scale) {
          value += rest[0];
          end = (int) rest[1];
        }
      }
      scale = scaleAt(tokens, end);
    }
    return new long[] {value, end, 0, 0};
  }

  private long scaleAt(Tokens tokens, int t) {
    Phrase scale = lexicon.phraseAt(tokens, t, Role.SCALE);
    if (scale != null) {
      return scale.value();
    }
    Phrase dozen = lexicon.phraseAt(tokens, t, Role.DOZEN);
    return dozen != null ? dozen.value() : 0;
  }
}
