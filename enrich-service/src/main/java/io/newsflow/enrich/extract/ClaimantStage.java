package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;

/**
 * Stage 6: who reports the figure, within its sentence: "according to X", "reports from X",
 * "X said", "X's military said", "said X". A demonym counts only with an official noun
 * ("Ukrainian officials said"), so "North Korean defectors said" names no state as the source.
 */
final class ClaimantStage {

  /** Words between a source and its reporting verb: "Ukraine's military intelligence agency said". */
  static final int CLAIM_WINDOW = 6;
  /** Words between "according to" or a reporting verb and the source it names. */
  static final int SOURCE_WINDOW = 5;
  /** Words after a demonym that may hold its official noun: "Ukrainian military officials". */
  static final int OFFICIAL_WINDOW = 3;

  void decide(FigureDraft f, Passage p) {
    find(f, p);
  }

  /**
   * The claimant's actor index, or -1; searched once per figure (the owner stage may ask first,
   * for a state reporting its own soldiers) and kept in the figure with the rule that found it.
   */
  int find(FigureDraft f, Passage p) {
    if (!f.claimantSearched) {
      f.claimantSearched = true;
      search(f, p);
    }
    return f.claimant;
  }

  private static void found(FigureDraft f, int source, String rule) {
    f.claimant = source;
    f.claimantRule = rule;
  }

  private static void search(FigureDraft f, Passage p) {
    int first = p.sentenceStart(f.claimEdge);
    int last = f.end;
    while (p.inSentence(last, f.sentence)) {
      last++;
    }
    for (int k = first; k < last; k++) {
      if (k >= f.claimEdge && k < f.end) {
        continue;
      }
      Phrase according = p.at(k, Role.ACCORDING);
      boolean reportFrom = p.is(k, Role.REPORT_NOUN) && p.is(k + 1, Role.SOURCE_LINK);
      if (according != null || reportFrom) {
        int source = sourceAfter(p, k + (according != null ? according.length() : 2), last);
        if (source >= 0) {
          found(f, source, according != null ? "according-to" : "report-from");
          return;
        }
      }
    }
    // "X ... said" / "..., X said": an actor before a reporting verb, with only its own words between.
    for (int k = first; k < last; k++) {
      boolean inFigure = k >= f.claimEdge && k < f.end;
      if (inFigure || p.mentionAt(k) < 0 || (k > first && p.mentionAt(k - 1) == p.mentionAt(k))) {
        continue;
      }
      int source = sourceBeforeVerb(p, k, k < f.claimEdge ? f.claimEdge : last);
      if (source >= 0) {
        found(f, source, "source-said");
        return;
      }
    }
    // "..., said Ukraine's military" after the figure.
    for (int k = f.end; k < last; k++) {
      if (p.is(k, Role.REPORT_VERB) && !p.is(k, Role.ACCORDING)) {
        int source = sourceAfter(p, k + 1, Math.min(last, k + SOURCE_WINDOW));
        if (source >= 0) {
          found(f, source, "said-source");
          return;
        }
      }
    }
  }

  private static int sourceAfter(Passage p, int from, int last) {
    for (int k = from; k < last && k < from + SOURCE_WINDOW; k++) {
      int m = p.mentionAt(k);
      if (m >= 0 && p.tokens.isPunct(p.mentionEnd(k), '-')) {
        k = p.mentionEnd(k); // "the Britain-based Observatory", "a US-led coalition": a modifier, not the source
        continue;
      }
      if (m >= 0) {
        if (p.mentions.kind(m) == AliasKind.DEMONYM && !officialNounAt(p, p.mentionEnd(k))) {
          return -1;
        }
        return p.mentions.actor(m);
      }
      if (p.tokens.isPunct(k) || p.numbers.startsAmount(p.tokens, k)) {
        return -1;
      }
    }
    return -1;
  }

  private static int sourceBeforeVerb(Passage p, int mentionToken, int limit) {
    int m = p.mentionAt(mentionToken);
    boolean official = false;
    int k = p.mentionEnd(mentionToken);
    for (int steps = 0; k < limit && steps < CLAIM_WINDOW; k++, steps++) {
      if (p.is(k, Role.REPORT_VERB) && !p.is(k, Role.ACCORDING)) {
        return p.mentions.kind(m) != AliasKind.DEMONYM || official ? p.mentions.actor(m) : -1;
      }
      if (p.mentionAt(k) >= 0 || p.tokens.isPunct(k) || p.numbers.startsAmount(p.tokens, k)) {
        return -1;
      }
      official |= p.is(k, Role.SOURCE_NOUN);
    }
    return -1;
  }

  private static boolean officialNounAt(Passage p, int t) {
    for (int k = t; k < t + OFFICIAL_WINDOW && k < p.tokens.size(); k++) {
      if (p.is(k, Role.SOURCE_NOUN)) {
        return true;
      }
      if (!p.tokens.isWord(k)) {
        return false;
      }
    }
    return false;
  }
}
