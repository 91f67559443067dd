package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Role;

/**
 * Stage 1: the amount at a token, unless it counts no people: years, dates, ages, money,
 * percentages, units ("22-year-old", "12 kilometres") and "no one", "one of the".
 */
final class AmountStage {

  /** The amount starting at token t that may count people, or null. */
  NumberExpression read(Passage p, int t) {
    NumberExpression amount = p.numbers.read(p.tokens, t);
    return amount == null || countsNoPeople(p, t, amount) ? null : amount;
  }

  private static boolean countsNoPeople(Passage p, int numberToken, NumberExpression amount) {
    Tokens tokens = p.tokens;
    int next = amount.end();
    if (p.is(next, Role.UNIT) || tokens.isPunct(next, '%')) {
      return true;
    }
    if (tokens.isPunct(next, '-') && p.is(next + 1, Role.UNIT)) {
      return true; // "22-year-old", "10-day"
    }
    int prev = amount.first() - 1;
    if (tokens.isPunct(prev, '$') || tokens.isPunct(prev, '\u20AC') || tokens.isPunct(prev, '\u00A3') || p.is(prev, Role.AGE)) {
      return true;
    }
    if (isMonth(p, prev) || isMonth(p, next)) {
      return true;
    }
    boolean yearLike = tokens.isNumber(numberToken) && amount.value() >= 1800 && amount.value() <= 2100
        && tokens.end(numberToken) - tokens.start(numberToken) == 4;
    if (yearLike && !p.is(next, Role.PEOPLE)) { // "in 2019 killed nobody"; "2019 soldiers" is a count
      return true;
    }
    if (isAgeAside(p, numberToken, amount)) {
      return true; // "One Israeli reservist, 34, was killed"
    }
    if (p.is(prev, Role.NEGATION)) {
      return true; // "no one was hurt"
    }
    // "one of the prisoners asked"; but "one of its soldiers had been killed" counts one soldier
    return amount.value() == 1 && p.is(next, Role.PARTITIVE_OF) && !(p.is(next + 1, Role.POSSESSIVE) && p.is(next + 2, Role.PEOPLE));
  }

  /** Digits between commas right after a singular noun or a name: an age ("Ahmed Ali, 52, was shot dead"). */
  static boolean isAgeAside(Passage p, int numberToken, NumberExpression amount) {
    Tokens tokens = p.tokens;
    int before = amount.first() - 1;
    if (!tokens.isNumber(numberToken) || amount.first() != numberToken || amount.end() != numberToken + 1
        || amount.value() > MAX_AGE || !tokens.isPunct(before, ',') || !tokens.isPunct(amount.end(), ',')) {
      return false;
    }
    int noun = before - 1;
    if (!tokens.isWord(noun)) {
      return false;
    }
    CharSequence text = tokens.text();
    char last = text.charAt(tokens.end(noun) - 1);
    return tokens.isCapitalized(noun) || (last != 's' && last != 'S');
  }

  /** The oldest age an aside may state. */
  static final int MAX_AGE = 110;

  static boolean isMonth(Passage p, int t) {
    return p.tokens.isWord(t) && p.tokens.isCapitalized(t) && p.is(t, Role.MONTH);
  }
}
