package io.newsflow.enrich.extract;

import java.util.Arrays;

/**
 * Finds who an article names: one automaton pass, then the leftmost-longest match wins
 * ("North Korean" over "Korea"), phrases that only look like actors are dropped, and bare
 * names of people follow the rules a reader would: "Putin" alone is Vladimir Putin, "Kim"
 * is Kim Jong Un only after his full name, and "Kim, a former soldier" is someone else from
 * then on.
 */
final class ActorMatcher {

  private final ActorAutomaton automaton;
  private long[] order = new long[128];
  private int[] candStart = new int[128];
  private int[] candEnd = new int[128];
  private int[] candAlias = new int[128];
  private int candidates;
  /** Text offset of each person's latest full-name mention, or -1. */
  private final int[] lastFullName;
  private int[] reboundAliases = new int[8];
  private int rebound;

  ActorMatcher(Gazetteer gazetteer) {
    this.automaton = gazetteer.automaton();
    this.lastFullName = new int[gazetteer.actors().size()];
  }

  void match(CharSequence text, ActorMentions out) {
    out.clear();
    candidates = 0;
    rebound = 0;
    Arrays.fill(lastFullName, -1);
    automaton.scan(text, this::collect);
    // Leftmost first, longest first at the same start.
    for (int c = 0; c < candidates; c++) {
      order[c] = ((long) candStart[c] << 32) | ((long) (0xFFFF - (candEnd[c] - candStart[c])) << 16) | c;
    }
    Arrays.sort(order, 0, candidates);
    int covered = 0;
    for (int k = 0; k < candidates; k++) {
      int c = (int) (order[k] & 0xFFFF);
      if (candStart[c] < covered) {
        continue;
      }
      covered = candEnd[c];
      resolve(text, candStart[c], candEnd[c], candAlias[c], out);
    }
  }

  private void collect(int start, int end, int alias) {
    if (candidates == candStart.length) {
      int cap = candidates * 2;
      order = Arrays.copyOf(order, cap);
      candStart = Arrays.copyOf(candStart, cap);
      candEnd = Arrays.copyOf(candEnd, cap);
      candAlias = Arrays.copyOf(candAlias, cap);
    }
    if (candidates >= 0xFFFF) {
      return; // more than 65k raw matches: the rest of a pathological text goes unmatched
    }
    candStart[candidates] = start;
    candEnd[candidates] = end;
    candAlias[candidates] = alias;
    candidates++;
  }

  private void resolve(CharSequence text, int start, int end, int firstAlias, ActorMentions out) {
    ActorAutomaton.Alias alias = automaton.alias(firstAlias);
    switch (alias.kind()) {
      case BLOCK -> { }
      case NAME, DEMONYM, CAPITAL -> {
        out.add(start, end, alias.actor(), alias.kind());
        lastFullName[alias.actor()] = start;
      }
      case SURNAME, SHORT_FORM -> {
        if (isRebound(firstAlias)) {
          return;
        }
        if (introducesSomeoneElse(text, start, end)) {
          reboundAliases = rebound == reboundAliases.length ? Arrays.copyOf(reboundAliases, rebound * 2) : reboundAliases;
          reboundAliases[rebound++] = firstAlias;
          return;
        }
        int person = alias.kind() == AliasKind.SURNAME ? alias.actor() : mostRecentFullName(firstAlias);
        if (person >= 0) {
          out.add(start, end, person, alias.kind());
        }
      }
    }
  }

  /** Among the people this short form may stand for, the one whose full name came last. */
  private int mostRecentFullName(int firstAlias) {
    int best = -1;
    int bestAt = -1;
    for (int a = firstAlias; a >= 0; a = automaton.nextSameSpelling(a)) {
      int actor = automaton.alias(a).actor();
      if (lastFullName[actor] > bestAt) {
        bestAt = lastFullName[actor];
        best = actor;
      }
    }
    return best;
  }

  private boolean isRebound(int alias) {
    for (int i = 0; i < rebound; i++) {
      if (reboundAliases[i] == alias) {
        return true;
      }
    }
    return false;
  }

  /** "Kim, a former North Korean soldier", "a defector named Kim": a new person takes the name. */
  private static boolean introducesSomeoneElse(CharSequence text, int start, int end) {
    int i = skipSpaces(text, end);
    if (i < text.length() && text.charAt(i) == ',') {
      int j = skipSpaces(text, i + 1);
      if (wordAt(text, j, "a") || wordAt(text, j, "an")) {
        return true;
      }
    }
    return wordBefore(text, start, "named") || wordBefore(text, start, "called");
  }

  private static int skipSpaces(CharSequence text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean wordAt(CharSequence text, int i, String word) {
    int e = i + word.length();
    if (e >= text.length() || Character.isLetter(text.charAt(e))) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (Character.toLowerCase(text.charAt(i + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordBefore(CharSequence text, int start, String word) {
    int e = start - 1;
    while (e > 0 && text.charAt(e) == ' ') {
      e--;
    }
    int s = e - word.length() + 1;
    return s >= 0 && (s == 0 || !Character.isLetter(text.charAt(s - 1))) && wordAt(text, s, word);
  }
}
