package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.Qualifier;

/**
 * Reads amounts as news states them: digits ("11,000", "1.2 million", "3k"), words ("two",
 * "eleven thousand", "twenty-five"), dozens ("a dozen", "two dozen"), vague plurals coded
 * conservatively ("dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1,000, "tens of
 * thousands" 10,000, all AT_LEAST), qualifiers ("more than", "around", "up to") and ranges
 * ("between 20 and 30", "20 to 30", "20-30", "two or three"), hyphenated scales ("20-thousand",
 * "four-thousand-300") and halves ("half a million"). Every word it reads comes from the lexicon.
 */
final class NumberReader {

  private final Lexicon lexicon;

  NumberReader(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Whether a bare amount (no qualifier) starts at token t. */
  boolean startsAmount(Tokens tokens, int t) {
    return bare(tokens, t) != null;
  }

  /** The amount whose number starts at token t, with the qualifier before it, or null. */
  NumberExpression read(Tokens tokens, int t) {
    Bare bare = bare(tokens, t);
    if (bare == null) {
      return null;
    }
    int end = bare.end();
    long value = bare.value();
    int first = t;
    Qualifier qualifier = bare.several() ? Qualifier.MORE_THAN // "several hundred"
        : bare.vague() ? Qualifier.AT_LEAST : Qualifier.EXACT;
    Phrase before = lexicon.phraseEndingAt(tokens, t - 1, Role.QUALIFIER);
    if (before != null) {
      qualifier = Qualifier.valueOf(before.argument()); // the qualifier next to the numeral counts: "at least more than 700"
      first = t - before.length();
      Phrase outer = lexicon.phraseEndingAt(tokens, first - 1, Role.QUALIFIER);
      first -= outer != null ? outer.length() : 0;
    }
    // Ranges: "between 20 and 30", "20 to 30", "20-30", "two or three".
    boolean between = lexicon.at(tokens, t - 1, Role.RANGE_START);
    boolean joiner = lexicon.startsPhrase(tokens.word(end), Role.RANGE_JOIN) || tokens.isPunct(end, '-') || tokens.isPunct(end, '\u2013');
    boolean change = lexicon.at(tokens, first - 1, Role.CHANGE_START); // "rose from 120 to 131": two figures
    if (joiner && !change && (!lexicon.at(tokens, end, Role.NUMBER_JOIN) || between)) {
      Bare high = bare(tokens, end + 1);
      if (high != null && high.value() > value) {
        return NumberExpression.range(between ? t - 1 : first, high.end(), value, high.value());
      }
    }
    return NumberExpression.of(first, end, value, qualifier);
  }

  /** An amount before qualifiers and ranges: its value, the token after it, and how vague it is. */
  private record Bare(long value, int end, boolean vague, boolean several) {
    static Bare exact(long value, int end) {
      return new Bare(value, end, false, false);
    }
  }

  /** The unqualified amount at t, or null. */
  private Bare bare(Tokens tokens, int t) {
    if (t < 0 || t >= tokens.size()) {
      return null;
    }
    if (tokens.isNumber(t)) {
      double value = tokens.number(t);
      int end = t + 1;
      int scaleAt = tokens.isPunct(end, '-') && scaleAt(tokens, end + 1) > 0 ? end + 1 : end; // "20-thousand"
      long scale = scaleAt(tokens, scaleAt);
      if (scale > 0) {
        value *= scale;
        end = scaleAt + 1;
      }
      return Bare.exact(Math.round(value), end);
    }
    int w = tokens.word(t);
    if (w < 0) {
      return null;
    }
    Phrase half = lexicon.phraseAt(tokens, t, Role.HALF);
    if (half != null && scaleAt(tokens, t + half.length()) > 1) {
      return Bare.exact(scaleAt(tokens, t + half.length()) / 2, t + half.length() + 1); // "half a million"
    }
    if (lexicon.at(tokens, t, Role.ARTICLE) && scaleAt(tokens, t + 1) > 0) {
      long value = scaleAt(tokens, t + 1);
      int end = t + 2;
      long more = scaleAt(tokens, end);
      if (more > 0) {
        value *= more;
        end++;
      }
      return Bare.exact(value, end);
    }
    Phrase number = lexicon.phraseAt(tokens, t, Role.NUMBER);
    if (number != null) {
      return words(tokens, t, number);
    }
    Phrase vague = lexicon.phraseAt(tokens, t, Role.VAGUE);
    if (vague != null) {
      long value = vague.value();
      int end = t + 1;
      Phrase next = lexicon.at(tokens, end, Role.PARTITIVE_OF) ? lexicon.phraseAt(tokens, end + 1, Role.VAGUE) : null;
      if (next != null) {
        value *= next.value(); // "tens of thousands", "hundreds of thousands"
        end += 2;
      }
      return new Bare(value, end, true, false);
    }
    Phrase few = lexicon.phraseAt(tokens, t, Role.FEW);
    if (few != null && scaleAt(tokens, t + few.length()) > 0) {
      return new Bare(scaleAt(tokens, t + few.length()), t + few.length() + 1, true, true);
    }
    return null;
  }

  /** "two", "twenty-five", "two hundred and fifty", "eleven thousand". */
  private Bare words(Tokens tokens, int t, Phrase first) {
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
    int scaleAt = tokens.isPunct(end, '-') && scaleAt(tokens, end + 1) > 0 ? end + 1 : end; // "four-thousand"
    long scale = scaleAt(tokens, scaleAt);
    while (scale > 0) {
      value *= scale;
      end = scaleAt + 1;
      boolean joined = lexicon.at(tokens, end, Role.NUMBER_JOIN) || tokens.isPunct(end, '-'); // "and fifty", "-300"
      Bare rest = joined ? restAfter(tokens, end + 1) : null;
      if (rest != null && rest.value() < scale) {
        value += rest.value();
        end = rest.end();
      }
      scaleAt = end;
      scale = scaleAt(tokens, scaleAt);
    }
    return Bare.exact(value, end);
  }

  /** The smaller amount after a scale: "two hundred and fifty", "four-thousand-300". */
  private Bare restAfter(Tokens tokens, int t) {
    if (tokens.isNumber(t)) {
      return Bare.exact(Math.round(tokens.number(t)), t + 1);
    }
    Phrase number = lexicon.phraseAt(tokens, t, Role.NUMBER);
    return number != null ? words(tokens, t, number) : null;
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
