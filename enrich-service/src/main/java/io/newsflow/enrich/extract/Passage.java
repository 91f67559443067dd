package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Phrase;
import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.ActorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One article as the casualty stages read it: its tokens, the actor mention covering each token,
 * the groups of people it names with their actor ("North Korean troops"), its host state and the
 * figures found so far. Reused between articles by one thread.
 */
final class Passage {

  final Lexicon lexicon;
  final Gazetteer gazetteer;
  final NumberReader numbers;
  CharSequence text;
  Tokens tokens;
  ActorMentions mentions;
  /** The figures found so far, in text order. */
  final List<FigureDraft> figures = new ArrayList<>();
  private int[] mentionAt = new int[1024];
  private int[] groupToken = new int[64];
  private int[] groupActor = new int[64];
  private int groups;
  private int hostState = -2;
  private int mostNamedCountry = -2;
  /** The first token after a dateline ("BEIRUT (Reuters) -"), which names where, not who acts. */
  private int bodyStart;
  /** How far into the text a dateline may run. */
  static final int DATELINE_WINDOW = 12;

  Passage(Lexicon lexicon, Gazetteer gazetteer) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
    this.numbers = new NumberReader(lexicon);
  }

  void reset(CharSequence text, Tokens tokens, ActorMentions mentions) {
    this.text = text;
    this.tokens = tokens;
    this.mentions = mentions;
    figures.clear();
    hostState = -2;
    mostNamedCountry = -2;
    bodyStart = datelineEnd();
    indexMentions();
    indexGroups();
  }

  // ---- words

  Phrase at(int t, Role role) {
    return lexicon.phraseAt(tokens, t, role);
  }

  boolean is(int t, Role role) {
    return lexicon.at(tokens, t, role);
  }

  Phrase endingAt(int t, Role role) {
    return lexicon.phraseEndingAt(tokens, t, role);
  }

  boolean inSentence(int t, int sentence) {
    return t >= 0 && t < tokens.size() && tokens.sentence(t) == sentence;
  }

  int sentenceStart(int t) {
    int first = t;
    while (first > 0 && tokens.sentence(first - 1) == tokens.sentence(t)) {
      first--;
    }
    return first;
  }

  /** Punctuation that ends a clause for the rules: anything but a comma, a hyphen, quotes and apostrophes. */
  boolean isHardPunct(int t) {
    return tokens.isPunct(t) && !tokens.isPunct(t, ',') && !tokens.isPunct(t, '-') && !isQuote(t);
  }

  boolean isQuote(int t) {
    return tokens.isPunct(t, '"') || tokens.isPunct(t, '\u201C') || tokens.isPunct(t, '\u201D') || tokens.isPunct(t, '\'')
        || tokens.isPunct(t, '\u2018') || tokens.isPunct(t, '\u2019');
  }

  boolean isDash(int t) {
    return tokens.isPunct(t, '\u2014') || tokens.isPunct(t, '\u2013') || tokens.isPunct(t, '-');
  }

  // ---- actors

  /** Index of the actor mention covering token t, or -1. */
  int mentionAt(int t) {
    return t >= 0 && t < tokens.size() ? mentionAt[t] : -1;
  }

  /** The token after the mention that covers token t. */
  int mentionEnd(int t) {
    int m = mentionAt[t];
    int after = t;
    while (after < tokens.size() && mentionAt[after] == m) {
      after++;
    }
    return after;
  }

  /** A person stands for the state or group they belong to when their people are counted. */
  int groupActorOf(int mention) {
    ActorEntry actor = gazetteer.actor(mentions.actor(mention));
    if (actor.type() == ActorType.PERSON && actor.affiliation() != null) {
      return gazetteer.actor(actor.affiliation()).index();
    }
    return actor.index();
  }

  ActorEntry actor(int index) {
    return gazetteer.actor(index);
  }

  /** The nearest state or group named before {@code token} in its sentence: who sends, whose "its". */
  int subjectActor(int token) {
    int sentence = tokens.sentence(Math.max(0, Math.min(token, tokens.size() - 1)));
    for (int k = token - 1; k >= 0 && tokens.sentence(k) == sentence; k--) {
      if (mentionAt[k] >= 0) {
        return groupActorOf(mentionAt[k]);
      }
      if (tokens.isPunct(k, ':') || tokens.isPunct(k, ';') || isQuote(k)) {
        return -1; // a quotation or a new clause has a subject of its own
      }
    }
    return -1;
  }

  /** The country the passage names most often, when one is named more than any other; else -1. */
  int mostNamedCountry() {
    if (mostNamedCountry == -2) {
      mostNamedCountry = countMostNamedCountry();
    }
    return mostNamedCountry;
  }

  private int countMostNamedCountry() {
    int[] counts = new int[gazetteer.actors().size()];
    int best = -1;
    boolean tie = false;
    for (int m = 0; m < mentions.size(); m++) {
      int a = mentions.actor(m);
      if (actor(a).type() != ActorType.COUNTRY) {
        continue;
      }
      counts[a]++;
      if (best < 0 || counts[a] > counts[best]) {
        tie = best >= 0 && best != a && counts[a] == counts[best];
        best = a;
      } else if (a != best && counts[a] == counts[best]) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  /** The first state or group named in the sentence before {@code token}: whose "its" and "their" usually are. */
  int sentenceSubject(int token) {
    for (int k = Math.max(bodyStart, sentenceStart(token)); k < token; k++) {
      if (mentionAt[k] >= 0 && !tokens.isPunct(mentionEnd(k), '-')) {
        return groupActorOf(mentionAt[k]);
      }
    }
    return -1;
  }

  /** The token of the last group of people named with an actor before this token ("these soldiers"), or -1. */
  int lastGroupTokenBefore(int token) {
    for (int g = groups - 1; g >= 0; g--) {
      if (groupToken[g] < token) {
        return groupToken[g];
      }
    }
    return -1;
  }

  /** The actor of the group named at a token {@link #lastGroupTokenBefore} returned. */
  int groupActorAt(int token) {
    for (int g = groups - 1; g >= 0; g--) {
      if (groupToken[g] == token) {
        return groupActor[g];
      }
    }
    return -1;
  }

  /** The nearest armed group named before this token, for "the assailants". */
  int lastArmedGroupBefore(int token) {
    for (int k = Math.min(token, tokens.size()) - 1; k >= 0; k--) {
      if (mentionAt[k] >= 0 && actor(mentions.actor(mentionAt[k])).type() == ActorType.ARMED_GROUP) {
        return mentions.actor(mentionAt[k]);
      }
    }
    return -1;
  }

  /**
   * The state whose forces the passage reports on: the country named most often with a state
   * institution ("the Malian army", "Niger's defence ministry"), ties going to the one named most;
   * -1 when no country is named so.
   */
  int hostState() {
    if (hostState == -2) {
      hostState = HostState.of(this);
    }
    return hostState;
  }

  // ---- figures

  /** The latest figure before token t within {@code sentencesBack} sentences, or null. */
  FigureDraft figureBefore(int t, int sentencesBack) {
    int sentence = tokens.sentence(t);
    for (int i = figures.size() - 1; i >= 0; i--) {
      FigureDraft f = figures.get(i);
      if (f.amount.first() < t && tokens.sentence(f.amount.first()) >= sentence - sentencesBack) {
        return f;
      }
      if (tokens.sentence(f.amount.first()) < sentence - sentencesBack) {
        return null;
      }
    }
    return null;
  }

  // ---- indexes

  /** The token after "CITY, Country (Agency) -" when the text opens with a capitalised dateline, else 0. */
  private int datelineEnd() {
    if (tokens.size() == 0 || !tokens.isWord(0) || !isAllCaps(0)) {
      return 0;
    }
    for (int t = 1; t < Math.min(tokens.size(), DATELINE_WINDOW); t++) {
      if (isDash(t) && tokens.sentence(t) == 0) {
        return t + 1;
      }
    }
    return 0;
  }

  private boolean isAllCaps(int t) {
    if (tokens.end(t) - tokens.start(t) < 3) {
      return false;
    }
    for (int i = tokens.start(t); i < tokens.end(t); i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void indexMentions() {
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
  private void indexGroups() {
    groups = 0;
    for (int t = 0; t < tokens.size(); t++) {
      int actor = -1;
      if (is(t, Role.PEOPLE)) {
        for (int back = t - 1; back >= Math.max(0, t - 3) && actor < 0; back--) {
          actor = mentionAt[back] >= 0 ? groupActorOf(mentionAt[back]) : -1;
        }
      } else if (mentionAt[t] >= 0 && tokens.end(t) == mentions.end(mentionAt[t]) && isPluralDemonym(mentionAt[t])
          && !is(t + 1, Role.PEOPLE)) {
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
  boolean isPluralDemonym(int m) {
    if (mentions.kind(m) != AliasKind.DEMONYM) {
      return false;
    }
    char last = text.charAt(mentions.end(m) - 1);
    return last == 's' || (last == 'e' && mentions.end(m) - mentions.start(m) > 3
        && text.charAt(mentions.end(m) - 2) == 's' && text.charAt(mentions.end(m) - 3) == 'e');
  }
}
