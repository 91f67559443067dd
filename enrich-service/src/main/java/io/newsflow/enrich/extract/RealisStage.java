package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.Realis;

/**
 * Stage 7: whether the text reports the figure as fact. A denial before the figure in its sentence
 * denies it ("Moscow denied that 300 soldiers were killed"); one after it is another party's word
 * against an asserted figure, which stays a report ("..., a claim the group rejected"). A modal or
 * condition before the figure ends makes it a supposition ("could kill thousands", "whether").
 */
final class RealisStage {

  void decide(FigureDraft f, Passage p) {
    boolean hypothetical = false;
    boolean denied = false;
    for (int k = p.sentenceStart(f.amount.first()); k < f.end; k++) {
      if (k < f.amount.first() && p.is(k, Role.DENIAL)) {
        denied = true;
      } else if (k < f.amount.first() && denied && p.is(k, Role.REPORT_VERB) && p.is(k - 1, Role.COORDINATION)) {
        denied = false; // "dismissed the figures and said its fighters had killed dozens": asserted anew
      }
      if (p.is(k, Role.HYPOTHETICAL) && !(p.tokens.isCapitalized(k) && p.is(k, Role.MONTH))) {
        hypothetical = true;
      }
    }
    f.realis = denied ? Realis.CLAIMED_DENIED : hypothetical ? Realis.HYPOTHETICAL : Realis.ACTUAL;
  }
}
