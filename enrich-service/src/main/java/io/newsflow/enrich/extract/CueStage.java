package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.CasualtyType;
import java.util.List;

/**
 * Stage 3: what happened to the people counted. The rules are tried in this order and the first
 * that finds a cue decides; an amount no rule ties to a cue is no figure.
 */
final class CueStage {

  /** One way of finding the cue of a figure. */
  interface CueRule {
    String name();

    boolean find(FigureDraft f, Passage p);
  }

  /** How far after the noun a verb may stand ("12 soldiers ... were killed"), in tokens. */
  static final int CUE_WINDOW = 9;
  /** Without a noun the verb must follow closely: "12 were killed". */
  static final int BARE_CUE_WINDOW = 4;
  /** How far back from its amount a toll may stand: "the toll from a week of clashes in ... has passed 1,300". */
  static final int TOLL_WINDOW = 20;
  /** Without a reach verb right before the amount, the toll must be nearer: "the death toll, 45". */
  static final int NEAR_TOLL_WINDOW = 10;
  /** Words after "the number of" that may hold what is counted: "the number of Palestinian civilians killed". */
  static final int COUNTED_WINDOW = 4;
  /** How far back a list's verb may stand: "the dead included 833 Druze, 533 of them fighters and 300 civilians". */
  static final int LIST_WINDOW = 40;
  /** Words between a list's subject and its verb: "the freed Israeli hostages included". */
  static final int SUBJECT_WINDOW = 4;
  /** Longest aside skipped between a noun and its verb: "200 people, mostly women and children, were kidnapped". */
  static final int ASIDE_WINDOW = 24;

  /** How many sentences back the figure a sub-count is part of may be: "... 70,112 soldiers. ... Among them, 13,781 were volunteers". */
  static final int SUB_COUNT_SENTENCES = 2;

  static final List<CueRule> RULES = List.of(
      new SubCount(), new Nominal(), new OnNoun(), new VerbBefore(), new VerbAfter(), new Coordinated(), new PartOfThem(),
      new Toll(), new Presence(), new ListItem(), new Elliptic());

  void find(FigureDraft f, Passage p) {
    for (CueRule rule : RULES) {
      if (rule.find(f, p)) {
        return;
      }
    }
  }

  /** The figure counts part of another: span and type come from the whole. */
  static boolean inherit(FigureDraft f, FigureDraft whole, String rule) {
    if (whole == null) {
      return false;
    }
    f.whole = whole;
    f.setCue(whole.type, f.amount.first(), f.headEnd, rule);
    return true;
  }

  /** "killed 31 people, including 5 children", "Among them, 13,781 were volunteers", "Two are officers." */
  static final class SubCount implements CueRule {
    public String name() {
      return "sub-count";
    }

    public boolean find(FigureDraft f, Passage p) {
      int before = f.amount.first() - 1;
      if (p.tokens.isPunct(before, ',') || p.isDash(before)) {
        before--;
      }
      Phrase includingPhrase = p.endingAt(before, Role.INCLUDING);
      boolean including = includingPhrase != null;
      boolean copula = p.is(f.amount.end(), Role.COPULA);
      int people = f.amount.end() + 1;
      while (copula && p.mentionAt(people) >= 0) {
        people = p.mentionEnd(people); // "16 were SDF members"
      }
      boolean copulaPeople = copula && p.is(people, Role.PEOPLE);
      boolean opensSentence = f.amount.first() == p.sentenceStart(f.amount.first());
      // "including 5 children", "Of the dead, 310 were in Aleppo"; at a sentence's start only "Two are officers".
      CasualtyType amongType = amongTheWere(f, p);
      if (amongType != null) {
        f.whole = p.figureBefore(f.amount.first(), SUB_COUNT_SENTENCES);
        f.setCue(amongType, f.amount.first(), f.headEnd, name());
        return true;
      }
      if (!(including && (f.hasHead() || copula)) && !(opensSentence && copulaPeople)) {
        return false;
      }
      if (copulaPeople) {
        f.headEnd = people + p.at(people, Role.PEOPLE).length();
        f.peopleHead = true;
      }
      // "including" counts part of its own sentence's figure; "Among them," at a sentence's start may look back.
      boolean startsSentence = !including || before - includingPhrase.length() + 1 <= p.sentenceStart(f.amount.first()) + 1;
      FigureDraft whole = p.figureBefore(f.amount.first(), startsSentence ? SUB_COUNT_SENTENCES : 0);
      int[] own = VerbAfter.cueAfter(p, f.headEnd, f.sentence, CUE_WINDOW);
      if (own != null && whole != null) {
        f.whole = whole; // "Of them, about 8,000 are held in captivity": part of the whole, with a verb of its own
        f.setCue(CasualtyType.values()[own[0]], f.amount.first(), own[2], name());
        return true;
      }
      if (including && includingPhrase.argument() != null) {
        f.whole = whole;
        f.setCue(CasualtyType.valueOf(includingPhrase.argument()), f.amount.first(), f.headEnd, name());
        return true; // the phrase names the whole: "Among the dead were four medics"
      }
      return inherit(f, whole, name());
    }
  }

  /** "Among the freed seafarers were 11 ...": the type of the cue between "among" and "were", or null. */
  static CasualtyType amongTheWere(FigureDraft f, Passage p) {
    if (!p.is(f.amount.first() - 1, Role.COPULA)) {
      return null;
    }
    CasualtyType type = null;
    for (int k = f.amount.first() - 2; k >= Math.max(0, f.amount.first() - 2 - SUBJECT_WINDOW) && p.inSentence(k, f.sentence); k--) {
      Phrase cue = p.at(k, Role.CUE) != null ? p.at(k, Role.CUE) : p.at(k, Role.CASUALTY_NOUN);
      if (cue != null) {
        type = CasualtyType.valueOf(cue.argument());
      }
      if (p.is(k, Role.AMONG)) {
        return type;
      }
      if (p.tokens.isPunct(k)) {
        return null;
      }
    }
    return null;
  }

  /** The noun phrase holds the cue: "12 dead", "two captured soldiers", "12 killed". */
  static final class OnNoun implements CueRule {
    public String name() {
      return "on-noun";
    }

    public boolean find(FigureDraft f, Passage p) {
      if (f.nounCue == null) {
        return false;
      }
      f.setCue(f.nounCue, f.nounCueStart, f.nounCueEnd, name());
      return true;
    }
  }

  /** A verb right before the amount: "killing 12", "sending thousands of soldiers", "killing all 17 people". */
  static final class VerbBefore implements CueRule {
    public String name() {
      return "verb-before";
    }

    public boolean find(FigureDraft f, Passage p) {
      // "lost 5 of its 12 jets" counts jets, not people: an amount without a noun must not be partitive.
      return !(!f.hasHead() && p.is(f.amount.end(), Role.PARTITIVE_OF)) && setVerbBefore(f, p, name());
    }

    /** Makes the verb before the amount the figure's cue, if there is one; the type stage calls it too. */
    static boolean setVerbBefore(FigureDraft f, Passage p, String rule) {
      int last = verbEnd(f, p);
      Phrase verb = p.endingAt(last, Role.CUE_BEFORE);
      if (verb == null) {
        return false;
      }
      f.setCue(CasualtyType.valueOf(verb.argument()), last - verb.length() + 1, f.amount.first(), rule);
      f.claimEdge = f.cueStart;
      return true;
    }
  }

  /** The token a verb before the amount must end at: right before it, or before a determiner ("killing all 17", "sent a further 1,200"). */
  static int verbEnd(FigureDraft f, Passage p) {
    int last = f.amount.first() - 1;
    Phrase determiner = p.endingAt(last, Role.DETERMINER);
    return determiner != null && !p.is(last, Role.POSSESSIVE) ? last - determiner.length() : last;
  }

  /** The event as a noun before "of": "the deaths of 64 fighters", "the abduction of 12 students". */
  static final class Nominal implements CueRule {
    public String name() {
      return "nominal";
    }

    public boolean find(FigureDraft f, Passage p) {
      int of = f.amount.first() - 1;
      Phrase event = p.is(of, Role.PARTITIVE_OF) ? p.endingAt(of - 1, Role.NOMINAL) : null;
      if (event == null) {
        return false;
      }
      f.setCue(CasualtyType.valueOf(event.argument()), of - event.length(), f.amount.first(), name());
      f.claimEdge = f.cueStart;
      return true;
    }
  }

  /** A verb after the noun in the same clause: "12 soldiers were killed", "200 people, mostly women, were kidnapped". */
  static final class VerbAfter implements CueRule {
    public String name() {
      return "verb-after";
    }

    public boolean find(FigureDraft f, Passage p) {
      int[] cue = cueAfter(p, f.hasHead() ? f.headEnd : f.amount.end(), f.sentence, f.hasHead() ? CUE_WINDOW : BARE_CUE_WINDOW);
      if (cue == null) {
        return false;
      }
      f.setCue(CasualtyType.values()[cue[0]], cue[1], cue[2], name());
      return true;
    }

    /** {type, start, end} of the cue after the noun; a deployment yields to a later cue ("stationed ... were killed"). */
    static int[] cueAfter(Passage p, int from, int sentence, int window) {
      int[] first = nextCue(p, from, sentence, window);
      if (first != null && first[0] == CasualtyType.DEPLOYED.ordinal()) {
        int[] later = nextCue(p, first[2], sentence, window);
        if (later != null && later[0] != CasualtyType.DEPLOYED.ordinal() && !amountBetween(p, first[2], later[1])) {
          return later; // not "10,000 soldiers deployed ... and dozens of them died": that verb has its own amount
        }
      }
      return first;
    }

    private static int[] nextCue(Passage p, int from, int sentence, int window) {
      Tokens tokens = p.tokens;
      for (int k = from; p.inSentence(k, sentence) && k < from + window; k++) {
        if (k == from && (tokens.isPunct(k, ',') || p.isDash(k))) {
          int resume = afterAside(p, k, sentence);
          if (resume > k) {
            window += resume - k;
            k = resume - 1;
            continue;
          }
        }
        if (p.isQuote(k)) {
          window++;
          continue;
        }
        if (p.isHardPunct(k)) {
          return null; // a hyphen ("al-Shabaab") or a comma does not end the clause
        }
        if (p.is(k, Role.INCLUDING)) {
          int close = k;
          while (p.inSentence(close, sentence) && !tokens.isPunct(close, ',')) {
            close++;
          }
          window += close - k; // an aside ("including 12 children,") does not use up the window
          k = close;
          continue;
        }
        if (p.is(k, Role.AGE) && p.numbers.startsAmount(tokens, k + 1)) {
          k++; // "100 children age 12 or younger were among the abductees"
          window += 2;
          continue;
        }
        NumberExpression aside = p.numbers.read(tokens, k);
        if (aside != null && AmountStage.isAgeAside(p, k, aside)) {
          window += aside.end() - k;
          k = aside.end() - 1; // "One Israeli reservist, 34, was killed"
          continue;
        }
        if (p.is(k, Role.COORDINATION) && p.numbers.startsAmount(tokens, k + 1)) {
          continue; // "five soldiers and 11 militants died": both share the verb
        }
        if (p.is(k, Role.CLAUSE_BREAK) || (p.numbers.startsAmount(tokens, k) && !p.is(k - 1, Role.COORDINATION))) {
          return null;
        }
        Phrase cue = p.at(k, Role.CUE);
        if (cue != null) {
          int after = k + cue.length();
          Phrase qualifier = p.at(after, Role.QUALIFIER);
          if (p.numbers.startsAmount(tokens, after) || (qualifier != null && p.numbers.startsAmount(tokens, after + qualifier.length()))) {
            return null; // "killing 12 and wounding 30": the verb belongs to the next amount
          }
          return new int[] {CasualtyType.valueOf(cue.argument()).ordinal(), k, after};
        }
      }
      return null;
    }

    private static boolean amountBetween(Passage p, int from, int to) {
      for (int k = from; k < to; k++) {
        if (p.numbers.startsAmount(p.tokens, k)) {
          return true;
        }
      }
      return false;
    }

    /** Where the clause resumes after an aside opened at {@code open} (", mostly women and children,"), or -1. */
    private static int afterAside(Passage p, int open, int sentence) {
      boolean dash = p.isDash(open);
      for (int k = open + 1; p.inSentence(k, sentence) && k < open + ASIDE_WINDOW; k++) {
        boolean closes = dash ? p.isDash(k) : p.tokens.isPunct(k, ',');
        if (closes) {
          return p.is(k + 1, Role.AUXILIARY) || p.is(k + 1, Role.CUE) ? k + 1 : -1;
        }
        if (p.isHardPunct(k)) {
          return -1;
        }
      }
      return -1;
    }
  }

  /** "kidnapped a dozen pupils and two teachers", "61 women and 19 children": a conjunct shares the figure's cue. */
  static final class Coordinated implements CueRule {
    public String name() {
      return "coordinated";
    }

    public boolean find(FigureDraft f, Passage p) {
      int joint = f.amount.first() - 1;
      FigureDraft before = p.figureBefore(f.amount.first(), 0);
      if (f.hasHead() && p.is(joint, Role.COORDINATION) && (before == null || before.headEnd != joint)) {
        return afterSingularConjunct(f, p, joint);
      }
      if (!f.hasHead() || before == null || !(p.is(joint, Role.COORDINATION) || p.tokens.isPunct(joint, ','))
          || before.headEnd != joint) {
        return false;
      }
      f.whole = before.whole; // "18 of its fighters and two civilians": the civilians are not its
      f.setCue(before.type, f.amount.first(), f.headEnd, name());
      return true;
    }
  }

  /** "killing the commander and 27 soldiers", "killed an ELN commander and five of his men": the verb before the first conjunct. */
  private static boolean afterSingularConjunct(FigureDraft f, Passage p, int joint) {
    for (int k = joint - 1; k >= Math.max(0, joint - SUBJECT_WINDOW - 1) && p.inSentence(k, f.sentence); k--) {
      if (p.is(k, Role.ARTICLE) || p.is(k, Role.DETERMINER)) {
        Phrase verb = p.endingAt(k - 1, Role.CUE_BEFORE);
        if (verb == null) {
          return false;
        }
        f.setCue(CasualtyType.valueOf(verb.argument()), f.amount.first(), f.headEnd, "coordinated");
        return true;
      }
      if (p.tokens.isPunct(k) || p.numbers.startsAmount(p.tokens, k)) {
        return false;
      }
    }
    return false;
  }

  /** "533 of them fighters", "196 of whom": part of the figure before, when no verb of its own says more. */
  static final class PartOfThem implements CueRule {
    public String name() {
      return "part-of-them";
    }

    public boolean find(FigureDraft f, Passage p) {
      boolean partOfWhole = f.anaphoricHead || p.is(f.headEnd, Role.COPULA); // "15 of these fighters were foreign nationals"
      return f.backReference && partOfWhole && inherit(f, p.figureBefore(f.amount.first(), 1), name());
    }
  }

  /** A toll before the amount: "the death toll rose to 45", "the number of wounded stands at about 900". */
  static final class Toll implements CueRule {
    public String name() {
      return "toll";
    }

    public boolean find(FigureDraft f, Passage p) {
      int number = f.amount.first();
      boolean reach = p.endingAt(number - 1, Role.REACH) != null || p.isDash(number - 1) || p.tokens.isPunct(number - 1, ':');
      int window = reach ? TOLL_WINDOW : NEAR_TOLL_WINDOW;
      for (int k = number - 1; k >= Math.max(0, number - window) && p.inSentence(k, f.sentence); k--) {
        boolean earlierAmount = k < number - 1 && p.numbers.startsAmount(p.tokens, k) && !p.is(k - 1, Role.CHANGE_START);
        if ((p.isHardPunct(k) && !p.isDash(k) && !p.tokens.isPunct(k, ':')) || earlierAmount) { // "rose from 120 to 131" reads on
          return false;
        }
        Phrase toll = p.at(k, Role.TOLL);
        Phrase subject = reach && toll == null ? p.at(k, Role.CASUALTY_NOUN) : null; // "its own dead at 3,825"
        if (subject != null && k + subject.length() <= number && !tollBefore(p, k, number - window, f.sentence)) {
          f.setCue(CasualtyType.valueOf(subject.argument()), k, number, name());
          f.claimEdge = k;
          return true;
        }
        if (toll != null && k + toll.length() <= number) {
          CasualtyType type = typeOf(toll, k, f, p);
          if (type == null) {
            return false;
          }
          f.setCue(type, k, number, name());
          f.claimEdge = k;
          return true;
        }
      }
      return false;
    }

    /** A toll further back owns the casualty noun: "Russian losses in killed and wounded have passed 950,000". */
    private static boolean tollBefore(Passage p, int k, int limit, int sentence) {
      for (int t = k - 1; t >= Math.max(0, limit) && p.inSentence(t, sentence) && !p.isHardPunct(t); t--) {
        if (p.is(t, Role.TOLL)) {
          return true;
        }
      }
      return false;
    }

    private static CasualtyType typeOf(Phrase toll, int start, FigureDraft f, Passage p) {
      if (!toll.argument().equals("SAME")) {
        return CasualtyType.valueOf(toll.argument());
      }
      int of = start + toll.length();
      boolean link = p.is(of, Role.PARTITIVE_OF) || p.is(of, Role.PREPOSITION); // "the number of ... killed", "losses in killed and wounded"
      for (int k = of + 1; link && k <= of + COUNTED_WINDOW && k < f.amount.first(); k++) {
        Phrase cue = p.at(k, Role.CUE) != null ? p.at(k, Role.CUE) : p.at(k, Role.CASUALTY_NOUN);
        if (cue != null) {
          return CasualtyType.valueOf(cue.argument()); // "the number of Palestinians killed had risen to 44,800"
        }
      }
      FigureDraft before = p.figureBefore(f.amount.first(), 1);
      return before != null ? before.type : null; // "put the number as high as seventeen"
    }
  }

  /** A state's forces somewhere: "Cameroon has 1,500 troops in the region" (the labels count presence as DEPLOYED). */
  static final class Presence implements CueRule {
    public String name() {
      return "presence";
    }

    public boolean find(FigureDraft f, Passage p) {
      if (!f.hasHead() || !p.is(f.head, Role.STATE_FORCE) || !p.is(f.amount.first() - 1, Role.HAVE)) {
        return false;
      }
      f.setCue(CasualtyType.DEPLOYED, f.amount.first() - 1, f.amount.first(), name());
      return true;
    }
  }

  /** A list after "included": "the dead included 833 Druze, ... and 300 civilians", "the freed hostages included 13 Israelis". */
  static final class ListItem implements CueRule {
    public String name() {
      return "list-item";
    }

    public boolean find(FigureDraft f, Passage p) {
      int verb = FigureDraft.NONE;
      for (int k = f.amount.first() - 1; k >= Math.max(0, f.amount.first() - LIST_WINDOW) && p.inSentence(k, f.sentence); k--) {
        if (p.is(k, Role.INCLUDE_VERB)) {
          verb = k;
          break;
        }
        if (p.isHardPunct(k) && !p.isDash(k)) {
          return false;
        }
      }
      if (verb == FigureDraft.NONE) {
        return false;
      }
      for (int k = verb - 1; k >= Math.max(0, verb - SUBJECT_WINDOW) && p.inSentence(k, f.sentence); k--) {
        CasualtyType type = subjectType(p, k, f);
        if (type != null) {
          f.listSubjectActor = subjectActor(p, k, verb);
          f.whole = p.figureBefore(verb, 2);
          f.setCue(type, f.amount.first(), f.headEnd, name());
          return true;
        }
        if (p.tokens.isPunct(k)) {
          return false;
        }
      }
      return false;
    }

    /** What the subject counts: a toll, a casualty noun, or people counted just before ("The children included"). */
    private static CasualtyType subjectType(Passage p, int k, FigureDraft f) {
      Phrase toll = p.at(k, Role.TOLL);
      if (toll != null && !toll.argument().equals("SAME")) {
        return CasualtyType.valueOf(toll.argument());
      }
      Phrase noun = p.at(k, Role.CASUALTY_NOUN);
      if (noun != null) {
        return CasualtyType.valueOf(noun.argument());
      }
      if (p.is(k, Role.PEOPLE) || (toll != null)) {
        FigureDraft before = p.figureBefore(f.amount.first(), 2);
        return before != null ? before.type : null;
      }
      return null;
    }

    /** An actor named in the subject: "the freed Israeli hostages included". */
    private static int subjectActor(Passage p, int subject, int verb) {
      for (int k = Math.max(0, subject - SUBJECT_WINDOW); k < verb; k++) {
        if (p.mentionAt(k) >= 0 && p.tokens.sentence(k) == p.tokens.sentence(verb)) {
          return p.groupActorOf(p.mentionAt(k));
        }
      }
      return FigureDraft.NONE;
    }
  }

  /** A place instead of a noun after a figure: "49 deaths in Tartous, 25 in Latakia and 84 in Hama". */
  static final class Elliptic implements CueRule {
    public String name() {
      return "elliptic";
    }

    public boolean find(FigureDraft f, Passage p) {
      int next = f.amount.end();
      int name = p.tokens.isWord(next + 1) && !p.tokens.isCapitalized(next + 1) ? next + 2 : next + 1; // "in western Aleppo"
      boolean place = !f.hasHead() && p.is(next, Role.LOCATIVE) && p.tokens.isWord(name) && p.tokens.isCapitalized(name);
      return place && inherit(f, p.figureBefore(f.amount.first(), 0), name());
    }
  }
}
