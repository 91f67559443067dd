package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.CasualtyType;

/**
 * Stage 2: the noun phrase after the amount, up to its head noun: fillers (adjectives, demonyms,
 * "of these", quotes) then a people noun ("soldiers"), a casualty noun ("dead"), a demonym used as
 * a noun ("35 Yemenis") or "them". Records the first actor named inside it and any cue it holds.
 */
final class NounPhraseStage {

  /** Words the phrase may hold before its head: "12 badly wounded North Korean soldiers". */
  static final int MAX_FILLERS = 4;

  void read(FigureDraft f, Passage p) {
    Tokens tokens = p.tokens;
    int h = f.amount.end();
    for (int fillers = 0; p.inSentence(h, f.sentence) && fillers <= MAX_FILLERS; ) {
      if (p.isQuote(h)) {
        h++; // "21 “terrorists”": quotes do not end the phrase
        continue;
      }
      if (tokens.isPunct(h) || p.is(h, Role.COORDINATION)) {
        break; // "killed 12 and injured 40": "injured" is not a noun of 12
      }
      Phrase casualtyNoun = p.at(h, Role.CASUALTY_NOUN);
      Phrase cueHere = p.at(h, Role.CUE);
      boolean adjective = casualtyNoun != null && cueHere != null && peopleNounAt(p, h + casualtyNoun.length()); // "two wounded soldiers"
      if (casualtyNoun != null && !adjective
          && !(h == f.amount.end() && cueHere != null && cueHere.length() > casualtyNoun.length())) {
        setHead(f, h, h + casualtyNoun.length());
        f.nounCue = CasualtyType.valueOf(casualtyNoun.argument());
        f.nounCueStart = h;
        f.nounCueEnd = f.headEnd;
        f.nounCueIsHead = true;
        break;
      }
      Phrase people = p.at(h, Role.PEOPLE) != null ? p.at(h, Role.PEOPLE)
          : p.is(h, Role.OTHERS) && !peopleNounAt(p, h + 1) ? p.at(h, Role.OTHERS) : null; // "50 more were missing"
      if (people != null) {
        setHead(f, h, h + people.length());
        f.peopleHead = true;
        f.anaphoricHead = p.is(h, Role.OTHERS);
        break;
      }
      if (p.is(h, Role.PARTITIVE_OF)) {
        // "thousands of soldiers", "3,000 of these soldiers", "some of them"
        if (p.is(h + 1, Role.PARTITIVE)) {
          f.backReference = true;
          f.possessive = p.is(h + 1, Role.POSSESSIVE);
          if (p.is(h + 1, Role.ANAPHOR)) {
            setHead(f, h + 1, h + 2);
            f.anaphoricHead = true;
            break;
          }
          h += 2;
          NumberExpression total = p.numbers.read(tokens, h);
          if (total != null) {
            h = total.end(); // "Five of the 21 sailors": 21 is the total, not a figure of its own
            f.consumedTo = h;
          }
        } else {
          h++;
        }
        fillers++;
        continue;
      }
      if (cueHere != null && f.nounCue == null) {
        // "two captured soldiers"; right after the amount it may also be the verb: "12 killed".
        f.nounCue = CasualtyType.valueOf(cueHere.argument());
        f.nounCueStart = h;
        f.nounCueEnd = h + cueHere.length();
        h += cueHere.length();
        fillers++;
        continue;
      }
      if (p.mentionAt(h) >= 0) {
        int m = p.mentionAt(h);
        int after = p.mentionEnd(h);
        if (f.nounPhraseActor < 0) {
          f.nounPhraseActor = p.groupActorOf(m);
        }
        if (p.isPluralDemonym(m) && !p.is(after, Role.PEOPLE) && !p.is(after, Role.CASUALTY_NOUN)) {
          setHead(f, h, after); // "35 Yemenis", "12 million Sudanese"
          break;
        }
        h = after;
        fillers++;
        continue;
      }
      if (tokens.isWord(h) && !stopsNounPhrase(p, h)) {
        h++;
        fillers++;
        continue;
      }
      break;
    }
    if (!f.hasHead() && f.nounCue != null) {
      if (f.nounCueStart == f.amount.end()) {
        f.headEnd = f.nounCueEnd; // "12 killed", "12 dead"
      }
    }
  }

  /** A people noun at t, after any actor names: "soldiers", "North Korean soldiers". */
  private static boolean peopleNounAt(Passage p, int t) {
    while (p.mentionAt(t) >= 0) {
      t = p.mentionEnd(t);
    }
    return p.is(t, Role.PEOPLE);
  }

  private static void setHead(FigureDraft f, int head, int headEnd) {
    f.head = head;
    f.headEnd = headEnd;
  }

  /** Words that end the noun phrase after an amount: a unit, a reporting verb, a new clause, another amount. */
  private static boolean stopsNounPhrase(Passage p, int h) {
    return p.is(h, Role.UNIT) || p.is(h, Role.REPORT_VERB) || p.is(h, Role.CLAUSE_BREAK) || p.numbers.startsAmount(p.tokens, h)
        || p.is(h, Role.AUXILIARY) || p.is(h, Role.PREPOSITION); // the verb phrase begins: "600 were killed in RSF strikes"
  }
}
