package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.CasualtyType;

/**
 * Stage 4: which type wins when the text gives more than one. A verb that governs the amount
 * beats an adjective on its noun ("captured three wounded soldiers" is CAPTURED), and killed
 * paired with wounded is KILLED_OR_WOUNDED ("killed or severely wounded", "dead and injured").
 * (A deployment verb that yields to a later one, "stationed ... were killed", is settled where
 * the verb is found.)
 */
final class TypeStage {

  /** Words that may stand inside a combined cue: "killed or severely wounded". */
  static final int COMBINED_CUE_GAP = 2;

  void decide(FigureDraft f, Passage p) {
    if (verbOverAdjective(f, p)) {
      f.typeRule = "verb-over-adjective";
    } else if (verbOverCaptiveNoun(f, p)) {
      f.typeRule = "verb-over-captive-noun";
    } else if (cueAfterLoss(f, p)) {
      f.typeRule = "cue-after-loss";
    }
    if (f.type == CasualtyType.KILLED || f.type == CasualtyType.WOUNDED) {
      int combined = combinedCue(p, f.cueEnd, f.type);
      if (combined > f.cueEnd) {
        f.type = CasualtyType.KILLED_OR_WOUNDED;
        f.cueEnd = combined;
        f.typeRule = "killed-or-wounded";
      }
    }
  }

  private static boolean verbOverAdjective(FigureDraft f, Passage p) {
    if (!"on-noun".equals(f.cueRule) || f.nounCueIsHead) {
      return false;
    }
    CasualtyType adjective = f.type;
    return CueStage.VerbBefore.setVerbBefore(f, p, f.cueRule) && f.type != adjective;
  }

  /** "4 Israeli hostages had been killed": what happened to the captives is said by the verb. */
  private static boolean verbOverCaptiveNoun(FigureDraft f, Passage p) {
    if (!"on-noun".equals(f.cueRule) || !f.nounCueIsHead || f.type != CasualtyType.CAPTURED) {
      return false;
    }
    int[] verb = CueStage.VerbAfter.cueAfter(p, f.headEnd, f.sentence, CueStage.CUE_WINDOW);
    if (verb == null || verb[0] == CasualtyType.CAPTURED.ordinal() || verb[0] == CasualtyType.DEPLOYED.ordinal()) {
      return false;
    }
    f.setCue(CasualtyType.values()[verb[0]], verb[1], verb[2], f.cueRule);
    return true;
  }

  /** "Russia had lost 1,120 troops killed or wounded": the cue on the noun says what the loss was. */
  private static boolean cueAfterLoss(FigureDraft f, Passage p) {
    if (!"verb-before".equals(f.cueRule) || !f.hasHead() || p.endingAt(f.amount.first() - 1, Role.OWN_LOSS) == null) {
      return false;
    }
    Phrase cue = p.at(f.headEnd, Role.CUE);
    if (cue == null || CasualtyType.valueOf(cue.argument()) == f.type) {
      return false;
    }
    f.type = CasualtyType.valueOf(cue.argument());
    f.cueEnd = f.headEnd + cue.length();
    return true;
  }

  /** "killed or severely wounded", "dead and injured": where the combined cue ends, or cueEnd. */
  private static int combinedCue(Passage p, int cueEnd, CasualtyType first) {
    Tokens tokens = p.tokens;
    if (!p.is(cueEnd, Role.COORDINATION)) {
      return cueEnd;
    }
    for (int k = cueEnd + 1; k <= cueEnd + COMBINED_CUE_GAP && k < tokens.size(); k++) {
      Phrase other = p.at(k, Role.CUE);
      if (other != null) {
        CasualtyType second = CasualtyType.valueOf(other.argument());
        boolean pair = (first == CasualtyType.KILLED && second == CasualtyType.WOUNDED)
            || (first == CasualtyType.WOUNDED && second == CasualtyType.KILLED);
        return pair ? k + other.length() : cueEnd;
      }
      if (!tokens.isWord(k) || p.numbers.startsAmount(tokens, k)) {
        return cueEnd; // only an adverb may stand between: "killed or severely wounded"
      }
    }
    return cueEnd;
  }
}
