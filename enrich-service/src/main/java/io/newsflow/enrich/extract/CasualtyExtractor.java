package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Realis;
import java.util.Arrays;
import java.util.List;

/**
 * Finds reported casualty figures: an amount of people (a head noun such as "soldiers", or a
 * casualty noun such as "dead") tied to a cue that says what happened to them, before the
 * amount ("killing 12", "sending thousands of soldiers"), on the noun ("two captured
 * soldiers", "12 dead") or after it ("were found dead", "have been killed or wounded").
 * Amounts of anything else (years, ages, money, units, dates) never become figures.
 *
 * <p>Each figure says whose people they are ({@code actor}: a demonym on the noun, a group named
 * before for "of these soldiers", the sender for deployments), who reports it ({@code claimedBy}:
 * "according to X", "reports from X", "X's military said") and whether the text reports it as
 * fact, denies it or only supposes it ({@code realis}).
 */
final class CasualtyExtractor {

  /** How far the extractor looks for the parts of one figure, in tokens. */
  private static final int MAX_FILLERS = 4;
  private static final int CUE_WINDOW = 9;
  private static final int CLAIM_WINDOW = 6;

  private final Lexicon lexicon;
  private final Gazetteer gazetteer;
  private final NumberReader numbers;
  private final int wordOf;
  private final int wordFrom;
  private final int wordBy;
  private final int wordIn;
  private final int wordOr;
  private final int wordAnd;
  private final int wordThem;
  private final int wordWhom;
  private final int wordNo;
  private final int wordToll;
  private final int wordAccording;
  private int[] mentionAt = new int[1024];
  private int[] groupToken = new int[64];
  private int[] groupActor = new int[64];
  private int groups;

  CasualtyExtractor(Lexicon lexicon, Gazetteer gazetteer) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
    this.numbers = new NumberReader(lexicon);
    this.wordOf = lexicon.id("of");
    this.wordFrom = lexicon.id("from");
    this.wordBy = lexicon.id("by");
    this.wordIn = lexicon.id("in");
    this.wordOr = lexicon.id("or");
    this.wordAnd = lexicon.id("and");
    this.wordThem = lexicon.id("them");
    this.wordWhom = lexicon.id("whom");
    this.wordNo = lexicon.id("no");
    this.wordToll = lexicon.id("toll");
    this.wordAccording = lexicon.id("according");
  }

  void extract(CharSequence text, Tokens tokens, ActorMentions mentions, List<CasualtyFigure> out) {
    indexMentions(tokens, mentions);
    indexGroups(tokens, mentions);
    CasualtyFigure previous = null;
    int previousSentence = -1;
    int t = 0;
    while (t < tokens.size()) {
      NumberExpression amount = numbers.read(tokens, t);
      if (amount == null) {
        t++;
        continue;
      }
      CasualtyFigure figure = tokens.sentence(t) == previousSentence ? partOf(text, tokens, amount, previous) : null;
      if (figure == null) {
        figure = figureAt(text, tokens, mentions, t, amount, tokens.sentence(t) == previousSentence ? previous : null);
      }
      if (figure != null) {
        out.add(figure);
        previous = figure;
        previousSentence = tokens.sentence(t);
      }
      t = Math.max(t + 1, amount.end());
    }
  }

  /** "killed 31 people, including 5 children": the amount counts part of the figure before it. */
  private CasualtyFigure partOf(CharSequence text, Tokens tokens, NumberExpression amount, CasualtyFigure whole) {
    Phrase including = lexicon.phraseEndingAt(tokens, amount.first() - 1, Role.INCLUDING);
    if (including == null || isNotAPeopleCount(tokens, amount.first(), amount)) {
      return null;
    }
    int end = amount.end();
    Phrase people = lexicon.phraseAt(tokens, end, Role.PEOPLE);
    if (people == null) {
      return null;
    }
    end += people.length();
    int from = tokens.start(amount.first());
    int to = tokens.end(end - 1);
    return new CasualtyFigure(whole.getType(), amount.value(), amount.qualifier(), amount.valueMin(), amount.valueMax(),
        whole.getActor(), whole.getClaimedBy(), whole.getRealis(), from, to, text.subSequence(from, to).toString());
  }

  /** mentionAt[token] = index of the actor mention covering it, or -1. */
  private void indexMentions(Tokens tokens, ActorMentions mentions) {
    if (mentionAt.length < tokens.size()) {
      mentionAt = new int[Math.max(tokens.size(), mentionAt.length * 2)];
    }
    Arrays.fill(mentionAt, 0, tokens.size(), -1);
    for (int m = 0; m < mentions.size(); m++) {
      for (int t = tokens.tokenAt(mentions.start(m)); t < tokens.size() && tokens.start(t) < mentions.end(m); t++) {
        mentionAt[t] = m;
      }
    }
  }

  /** Groups of people named with their actor ("North Korean troops", "Ukrainians"), for "of these soldiers". */
  private void indexGroups(Tokens tokens, ActorMentions mentions) {
    groups = 0;
    for (int t = 0; t < tokens.size(); t++) {
      int actor = -1;
      if (lexicon.phraseAt(tokens, t, Role.PEOPLE) != null) {
        for (int back = t - 1; back >= Math.max(0, t - 3) && actor < 0; back--) {
          actor = mentionAt[back] >= 0 ? groupActorOf(mentions, mentionAt[back]) : -1;
        }
      } else if (mentionAt[t] >= 0 && tokens.end(t) == mentions.end(mentionAt[t])
          && isPluralDemonym(mentions, mentionAt[t], tokens.text()) && lexicon.phraseAt(tokens, t + 1, Role.PEOPLE) == null) {
        actor = mentions.actor(mentionAt[t]); // "Ukrainians", "Israelis"
      }
      if (actor >= 0) {
        if (groups == groupToken.length) {
          groupToken = Arrays.copyOf(groupToken, groups * 2);
          groupActor = Arrays.copyOf(groupActor, groups * 2);
        }
        groupToken[groups] = t;
        groupActor[groups++] = actor;
      }
    }
  }

  /** A demonym used as a noun for people: "Ukrainians", "Sudanese", "Swiss". */
  private static boolean isPluralDemonym(ActorMentions mentions, int m, CharSequence text) {
    if (mentions.kind(m) != AliasKind.DEMONYM) {
      return false;
    }
    char last = text.charAt(mentions.end(m) - 1);
    return last == 's' || (last == 'e' && mentions.end(m) - mentions.start(m) > 3
        && text.charAt(mentions.end(m) - 2) == 's' && text.charAt(mentions.end(m) - 3) == 'e');
  }

  /** Between an amount with no noun and its cue stand only actor names: "12 million Sudanese have been displaced". */
  private boolean implicitHeadWithCue(Tokens tokens, ActorMentions mentions, int from, int cueStart) {
    for (int k = from; k < cueStart; k++) {
      if (tokens.word(k) == wordAnd || tokens.word(k) == wordOr) {
        return false;
      }
    }
    return true;
  }

  /** Words that end the noun phrase after an amount: a unit, a reporting verb, a new clause, another amount. */
  private boolean stopsNounPhrase(Tokens tokens, int h) {
    return lexicon.phraseAt(tokens, h, Role.UNIT) != null || lexicon.phraseAt(tokens, h, Role.REPORT_VERB) != null
        || lexicon.phraseAt(tokens, h, Role.CLAUSE_BREAK) != null || numbers.startsAmount(tokens, h);
  }

  /** The figure whose amount starts at numberToken, or null; {@code earlier} is the sentence's previous figure. */
  private CasualtyFigure figureAt(CharSequence text, Tokens tokens, ActorMentions mentions, int numberToken,
      NumberExpression amount, CasualtyFigure earlier) {
    if (isNotAPeopleCount(tokens, numberToken, amount)) {
      return null;
    }
    int sentence = tokens.sentence(numberToken);
    // The noun phrase after the amount: fillers (adjectives, demonyms, "of these") up to a head noun.
    int h = amount.end();
    int head = -1;
    int headEnd = amount.end();
    CasualtyType cue = null;
    int cueStart = -1;
    int cueEnd = -1;
    int npActor = -1;
    boolean backReference = false;
    boolean possessive = false;
    boolean peopleHead = false;
    for (int fillers = 0; h < tokens.size() && fillers <= MAX_FILLERS && tokens.sentence(h) == sentence; ) {
      if (tokens.isPunct(h) || tokens.word(h) == wordAnd || tokens.word(h) == wordOr) {
        break; // "killed 12 and injured 40": "injured" is not a noun of 12
      }
      Phrase casualtyNoun = lexicon.phraseAt(tokens, h, Role.CASUALTY_NOUN);
      if (casualtyNoun != null && !(h == amount.end() && lexicon.phraseAt(tokens, h, Role.CUE) != null
          && lexicon.phraseAt(tokens, h, Role.CUE).length() > casualtyNoun.length())) {
        head = h;
        headEnd = h + casualtyNoun.length();
        cue = CasualtyType.valueOf(casualtyNoun.argument());
        cueStart = h;
        cueEnd = headEnd;
        break;
      }
      Phrase people = lexicon.phraseAt(tokens, h, Role.PEOPLE);
      if (people != null) {
        peopleHead = true;
        head = h;
        headEnd = h + people.length();
        break;
      }
      if (tokens.word(h) == wordOf) {
        // "thousands of soldiers", "3,000 of these soldiers", "some of them"
        int w = tokens.word(h + 1);
        if (lexicon.phraseAt(tokens, h + 1, Role.PARTITIVE) != null) {
          backReference = true;
          possessive = lexicon.phraseAt(tokens, h + 1, Role.POSSESSIVE) != null;
          if (w == wordThem || w == wordWhom) {
            head = h + 1;
            headEnd = h + 2;
            break;
          }
          h += 2;
        } else {
          h++;
        }
        fillers++;
        continue;
      }
      Phrase adjective = lexicon.phraseAt(tokens, h, Role.CUE);
      if (adjective != null && cue == null) {
        // "two captured soldiers"; right after the amount it may also be the verb: "12 killed".
        cue = CasualtyType.valueOf(adjective.argument());
        cueStart = h;
        cueEnd = h + adjective.length();
        h += adjective.length();
        fillers++;
        continue;
      }
      if (mentionAt[h] >= 0) {
        int m = mentionAt[h];
        int after = h;
        while (after < tokens.size() && mentionAt[after] == m) {
          after++;
        }
        if (npActor < 0) {
          npActor = groupActorOf(mentions, m);
        }
        if (isPluralDemonym(mentions, m, text) && lexicon.phraseAt(tokens, after, Role.PEOPLE) == null
            && lexicon.phraseAt(tokens, after, Role.CASUALTY_NOUN) == null) {
          head = h; // "35 Yemenis", "12 million Sudanese"
          headEnd = after;
          break;
        }
        h = after;
        fillers++;
        continue;
      }
      if (tokens.isWord(h) && !stopsNounPhrase(tokens, h)) {
        h++;
        fillers++;
        continue;
      }
      break;
    }
    boolean implicitHead = head < 0;
    if (implicitHead && cue != null) {
      if (cueStart == amount.end()) {
        headEnd = cueEnd; // "12 killed", "12 dead"
      } else if (!implicitHeadWithCue(tokens, mentions, amount.end(), cueStart)) {
        cue = null; // "killed 12 and injured 40": that adjective belongs to the next amount
      }
    }
    int claimEdge = amount.first();
    // A verb right before the amount is its cue: "killing 12", "sending thousands of soldiers".
    Phrase before = lexicon.phraseEndingAt(tokens, amount.first() - 1, Role.CUE_BEFORE);
    int beforeStart = before != null ? amount.first() - before.length() : -1;
    if (cue == null && before != null && (head >= 0 || tokens.word(amount.end()) != wordOf)) {
      // "lost 5 of its 12 jets" counts jets, not people: an amount without a noun must not be partitive.
      cue = CasualtyType.valueOf(before.argument());
      cueStart = beforeStart;
      cueEnd = amount.first();
      claimEdge = cueStart;
    }
    if (cue == null) {
      int[] after = cueAfter(tokens, head < 0 ? amount.end() : headEnd, sentence, head < 0 ? 3 : CUE_WINDOW);
      if (after != null) {
        cue = CasualtyType.values()[after[0]];
        cueStart = after[1];
        cueEnd = after[2];
      }
    }
    if (cue == null) {
      int toll = deathToll(tokens, amount.first(), sentence);
      if (toll >= 0) {
        cue = CasualtyType.KILLED;
        cueStart = toll;
        cueEnd = amount.first();
        claimEdge = toll;
        implicitHead = false;
      }
    }
    if (cue == null || (implicitHead && cueStart < 0)) {
      return null;
    }
    if (cue == CasualtyType.KILLED || cue == CasualtyType.WOUNDED) {
      int combined = combinedCue(tokens, cueEnd, cue);
      if (combined > cueEnd) {
        cue = CasualtyType.KILLED_OR_WOUNDED;
        cueEnd = combined;
      }
    }
    int actor = npActor;
    if (actor < 0 && head >= 0 && mentionAt[head] >= 0) {
      actor = groupActorOf(mentions, mentionAt[head]);
    }
    if (actor < 0 && head >= 0) {
      actor = actorAfterHead(tokens, mentions, headEnd, sentence);
    }
    if (actor < 0 && !peopleHead && !backReference && earlier != null && earlier.getActor() != null) {
      actor = gazetteer.actor(earlier.getActor()).index(); // "three soldiers were killed and five were wounded"
    }
    if (actor < 0 && backReference) {
      actor = possessive ? subjectActor(tokens, mentions, amount.first(), sentence) : lastGroupBefore(amount.first());
    }
    if (actor < 0 && cue == CasualtyType.DEPLOYED && cueStart < amount.first()) {
      actor = subjectActor(tokens, mentions, cueStart, sentence);
    }
    Phrase loss = lexicon.phraseEndingAt(tokens, amount.first() - 1, Role.OWN_LOSS);
    if (actor < 0 && loss != null) {
      actor = subjectActor(tokens, mentions, amount.first() - loss.length(), sentence); // "Russia has suffered 700,000 casualties"
    }
    int start = Math.min(amount.first(), cueStart);
    int end = Math.max(Math.max(headEnd, cueEnd), amount.end());
    int claimer = claimedBy(tokens, mentions, sentence, claimEdge, end, actor);
    Realis realis = realis(tokens, sentence, end);
    int from = tokens.start(start);
    int to = tokens.end(end - 1);
    return new CasualtyFigure(cue, amount.value(), amount.qualifier(), amount.valueMin(), amount.valueMax(),
        actor < 0 ? null : gazetteer.actor(actor).id(), claimer < 0 ? null : gazetteer.actor(claimer).id(),
        realis, from, to, text.subSequence(from, to).toString());
  }

  /** Years, dates, ages, money, percentages, units and "one of the": amounts that count no people. */
  private boolean isNotAPeopleCount(Tokens tokens, int numberToken, NumberExpression amount) {
    int next = amount.end();
    if (lexicon.phraseAt(tokens, next, Role.UNIT) != null || tokens.isPunct(next, '%')) {
      return true;
    }
    if (tokens.isPunct(next, '-') && lexicon.phraseAt(tokens, next + 1, Role.UNIT) != null) {
      return true; // "22-year-old", "10-day"
    }
    int prev = amount.first() - 1;
    if (tokens.isPunct(prev, '$') || tokens.isPunct(prev, '\u20AC') || tokens.isPunct(prev, '\u00A3')
        || lexicon.phraseAt(tokens, prev, Role.AGE) != null) {
      return true;
    }
    if (isMonth(tokens, prev) || isMonth(tokens, next)) {
      return true;
    }
    boolean yearLike = tokens.isNumber(numberToken) && amount.value() >= 1800 && amount.value() <= 2100
        && tokens.end(numberToken) - tokens.start(numberToken) == 4;
    if (yearLike && lexicon.phraseAt(tokens, next, Role.PEOPLE) == null && lexicon.phraseAt(tokens, next, Role.CASUALTY_NOUN) == null) {
      return true;
    }
    if (tokens.word(prev) == wordNo) {
      return true; // "no one was hurt"
    }
    return amount.value() == 1 && tokens.word(next) == wordOf; // "one of the prisoners"
  }

  private boolean isMonth(Tokens tokens, int t) {
    return tokens.isWord(t) && tokens.isCapitalized(t) && lexicon.phraseAt(tokens, t, Role.MONTH) != null;
  }

  /** {type, start, end} of the first cue after the noun in the same clause, or null. */
  private int[] cueAfter(Tokens tokens, int from, int sentence, int window) {
    for (int k = from; k < tokens.size() && k < from + window && tokens.sentence(k) == sentence; k++) {
      if (tokens.isPunct(k) && !tokens.isPunct(k, ',')) {
        return null;
      }
      if (lexicon.phraseAt(tokens, k, Role.INCLUDING) != null) {
        int close = k;
        while (close < tokens.size() && tokens.sentence(close) == sentence && !tokens.isPunct(close, ',')) {
          close++;
        }
        window += close - k; // an aside ("including 12 children,") does not use up the window
        k = close;
        continue;
      }
      if (tokens.word(k) == wordAnd && numbers.startsAmount(tokens, k + 1)) {
        continue; // "five soldiers and 11 militants died": both share the verb
      }
      if (lexicon.phraseAt(tokens, k, Role.CLAUSE_BREAK) != null || (numbers.startsAmount(tokens, k) && tokens.word(k - 1) != wordAnd)) {
        return null;
      }
      Phrase cue = lexicon.phraseAt(tokens, k, Role.CUE);
      if (cue != null) {
        int after = k + cue.length();
        Phrase qualifier = lexicon.phraseAt(tokens, after, Role.QUALIFIER);
        if (numbers.startsAmount(tokens, after) || (qualifier != null && numbers.startsAmount(tokens, after + qualifier.length()))) {
          return null; // "killing 12 and wounding 30": the verb belongs to the next amount
        }
        return new int[] {CasualtyType.valueOf(cue.argument()).ordinal(), k, after};
      }
    }
    return null;
  }

  /** "killed or severely wounded", "dead and injured": where the combined cue ends, or cueEnd. */
  private int combinedCue(Tokens tokens, int cueEnd, CasualtyType first) {
    int w = tokens.word(cueEnd);
    if (w != wordOr && w != wordAnd) {
      return cueEnd;
    }
    for (int k = cueEnd + 1; k <= cueEnd + 2 && k < tokens.size(); k++) {
      Phrase other = lexicon.phraseAt(tokens, k, Role.CUE);
      if (other != null) {
        CasualtyType second = CasualtyType.valueOf(other.argument());
        boolean pair = (first == CasualtyType.KILLED && second == CasualtyType.WOUNDED)
            || (first == CasualtyType.WOUNDED && second == CasualtyType.KILLED);
        return pair ? k + other.length() : cueEnd;
      }
      if (!tokens.isWord(k) || tokens.word(k) >= 0) {
        return cueEnd; // only an adverb may stand between: "killed or severely wounded"
      }
    }
    return cueEnd;
  }

  /** "The death toll rose to 45": the token where "death toll" starts, or -1. */
  private int deathToll(Tokens tokens, int first, int sentence) {
    for (int k = first - 1; k >= Math.max(0, first - 10) && tokens.sentence(k) == sentence; k--) {
      if ((tokens.isPunct(k) && !tokens.isPunct(k, '-')) || numbers.startsAmount(tokens, k)) {
        return -1;
      }
      Phrase cue = lexicon.phraseAt(tokens, k, Role.CUE_BEFORE);
      if (cue != null && CasualtyType.valueOf(cue.argument()) == CasualtyType.KILLED
          && tokens.word(k + cue.length() - 1) == wordToll) {
        return k;
      }
    }
    return -1;
  }

  /** "soldiers from North Korea", "members of Hamas". */
  private int actorAfterHead(Tokens tokens, ActorMentions mentions, int headEnd, int sentence) {
    int w = tokens.word(headEnd);
    if ((w == wordFrom || w == wordOf) && headEnd + 1 < tokens.size() && tokens.sentence(headEnd + 1) == sentence) {
      int k = headEnd + 1;
      if (lexicon.phraseAt(tokens, k, Role.PARTITIVE) != null && mentionAt[k] < 0) {
        k++; // "of the RSF"
      }
      if (k < tokens.size() && mentionAt[k] >= 0) {
        return groupActorOf(mentions, mentionAt[k]);
      }
    }
    return -1;
  }

  /** The last group of people named with an actor before this token ("these soldiers"). */
  private int lastGroupBefore(int token) {
    for (int g = groups - 1; g >= 0; g--) {
      if (groupToken[g] < token) {
        return groupActor[g];
      }
    }
    return -1;
  }

  /** The nearest state or group named before {@code token} in its sentence: who sends, whose "its". */
  private int subjectActor(Tokens tokens, ActorMentions mentions, int token, int sentence) {
    for (int k = token - 1; k >= 0 && tokens.sentence(k) == sentence; k--) {
      if (mentionAt[k] >= 0) {
        return groupActorOf(mentions, mentionAt[k]);
      }
    }
    return -1;
  }

  /** A person stands for the state or group they belong to when their people are counted. */
  private int groupActorOf(ActorMentions mentions, int mention) {
    ActorEntry actor = gazetteer.actor(mentions.actor(mention));
    if (actor.type() == ActorType.PERSON && actor.affiliation() != null) {
      return gazetteer.actor(actor.affiliation()).index();
    }
    return actor.index();
  }

  /**
   * Who reports the figure, within its sentence: "according to X", "reports from X", "X said",
   * "X's military said", "said X". A demonym counts only with an official noun ("Ukrainian
   * officials said"), so "North Korean defectors said" names no state as the source.
   */
  private int claimedBy(Tokens tokens, ActorMentions mentions, int sentence, int figureStart, int figureEnd, int actor) {
    int first = figureStart;
    while (first > 0 && tokens.sentence(first - 1) == sentence) {
      first--;
    }
    int last = figureEnd;
    while (last < tokens.size() && tokens.sentence(last) == sentence) {
      last++;
    }
    for (int k = first; k < last; k++) {
      if (k >= figureStart && k < figureEnd) {
        continue;
      }
      Phrase report = lexicon.phraseAt(tokens, k, Role.REPORT_VERB);
      boolean according = report != null && tokens.word(k) == wordAccording;
      boolean reportFrom = lexicon.phraseAt(tokens, k, Role.REPORT_NOUN) != null
          && (tokens.word(k + 1) == wordFrom || tokens.word(k + 1) == wordBy || tokens.word(k + 1) == wordIn);
      if (according || reportFrom) {
        int source = sourceAfter(tokens, mentions, k + (according ? report.length() : 2), last);
        if (source >= 0) {
          return source;
        }
      }
    }
    // "X ... said" / "..., X said": an actor before a reporting verb, with only its own words between.
    for (int k = first; k < last; k++) {
      boolean inFigure = k >= figureStart && k < figureEnd;
      if (inFigure || mentionAt[k] < 0 || (k > first && mentionAt[k - 1] == mentionAt[k])) {
        continue;
      }
      int source = sourceBeforeVerb(tokens, mentions, k, k < figureStart ? figureStart : last);
      if (source >= 0) {
        return source;
      }
    }
    // "..., said Ukraine's military" after the figure.
    for (int k = figureEnd; k < last; k++) {
      if (lexicon.phraseAt(tokens, k, Role.REPORT_VERB) != null && tokens.word(k) != wordAccording) {
        int source = sourceAfter(tokens, mentions, k + 1, Math.min(last, k + 5));
        if (source >= 0) {
          return source;
        }
      }
    }
    return -1;
  }

  private int sourceAfter(Tokens tokens, ActorMentions mentions, int from, int last) {
    for (int k = from; k < last && k < from + 5; k++) {
      if (mentionAt[k] >= 0) {
        int m = mentionAt[k];
        int after = k;
        while (after < tokens.size() && mentionAt[after] == m) {
          after++;
        }
        if (mentions.kind(m) == AliasKind.DEMONYM && !officialNounAt(tokens, after)) {
          return -1;
        }
        return mentions.actor(m);
      }
      if (tokens.isPunct(k) || numbers.startsAmount(tokens, k)) {
        return -1;
      }
    }
    return -1;
  }

  private int sourceBeforeVerb(Tokens tokens, ActorMentions mentions, int mentionToken, int limit) {
    int m = mentionAt[mentionToken];
    boolean official = false;
    int k = mentionToken;
    while (k < limit && mentionAt[k] == m) {
      k++;
    }
    for (int steps = 0; k < limit && steps < CLAIM_WINDOW; k++, steps++) {
      if (lexicon.phraseAt(tokens, k, Role.REPORT_VERB) != null && tokens.word(k) != wordAccording) {
        return mentions.kind(m) != AliasKind.DEMONYM || official ? mentions.actor(m) : -1;
      }
      if (mentionAt[k] >= 0 || tokens.isPunct(k) || numbers.startsAmount(tokens, k)) {
        return -1;
      }
      official |= lexicon.phraseAt(tokens, k, Role.SOURCE_NOUN) != null;
    }
    return -1;
  }

  private boolean officialNounAt(Tokens tokens, int t) {
    for (int k = t; k < t + 3 && k < tokens.size(); k++) {
      if (lexicon.phraseAt(tokens, k, Role.SOURCE_NOUN) != null) {
        return true;
      }
      if (!tokens.isWord(k)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Denied or supposed rather than reported: a denial anywhere in the sentence ("a claim the
   * group rejected"), a modal or condition before the figure ends ("could kill thousands").
   */
  private Realis realis(Tokens tokens, int sentence, int end) {
    int k = end - 1;
    while (k > 0 && tokens.sentence(k - 1) == sentence) {
      k--;
    }
    boolean hypothetical = false;
    for (; k < tokens.size() && tokens.sentence(k) == sentence; k++) {
      if (lexicon.phraseAt(tokens, k, Role.DENIAL) != null) {
        return Realis.CLAIMED_DENIED;
      }
      if (k < end && lexicon.phraseAt(tokens, k, Role.HYPOTHETICAL) != null && !isMonth(tokens, k)) {
        hypothetical = true;
      }
    }
    return hypothetical ? Realis.HYPOTHETICAL : Realis.ACTUAL;
  }
}
