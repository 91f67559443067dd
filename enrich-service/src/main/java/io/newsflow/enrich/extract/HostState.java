package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Lexicon.Role;
import io.newsflow.schema.ActorType;
import java.util.HashMap;
import java.util.Map;

/**
 * The state whose forces a passage reports on, for soldiers it counts without naming whose they
 * are ("Thirty-eight soldiers were killed" in a report on "the Malian army"). A country counts
 * when it is named with a state institution right after it ("the Malian army", "Niger's defence
 * ministry", "a Pakistani army outpost"); the one named so most often wins, ties going to the
 * country the passage names most. Without any such country there is no host state.
 */
final class HostState {

  /** Words between a country's name and its institution: "Mali's Armed Forces", "the Myanmar Army". */
  static final int INSTITUTION_WINDOW = 3;

  private HostState() {}

  static int of(Passage p) {
    Map<Integer, int[]> counts = new HashMap<>(); // country -> {institution mentions, all mentions}
    Tokens tokens = p.tokens;
    for (int t = 0; t < tokens.size(); t++) {
      int m = p.mentionAt(t);
      if (m < 0 || (t > 0 && p.mentionAt(t - 1) == m)) {
        continue;
      }
      ActorEntry named = p.actor(p.mentions.actor(m));
      // A state's force named as such counts for its state: "the Myanmar Army", "Israel Defense Forces".
      boolean stateForce = named.type() == ActorType.ARMED_GROUP && named.affiliation() != null && institutionWithin(p, t);
      if (named.type() != ActorType.COUNTRY && !stateForce) {
        continue;
      }
      int country = stateForce ? p.gazetteer.actor(named.affiliation()).index() : named.index();
      int[] c = counts.computeIfAbsent(country, a -> new int[2]);
      c[1]++;
      if (stateForce || institutionAfter(p, p.mentionEnd(t))) {
        c[0]++;
      }
    }
    int best = -1;
    int[] bestCount = {0, 0};
    boolean tie = false;
    for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      if (c[0] == 0) {
        continue;
      }
      int order = c[0] != bestCount[0] ? Integer.compare(c[0], bestCount[0]) : Integer.compare(c[1], bestCount[1]);
      if (order > 0) {
        best = e.getKey();
        bestCount = c;
        tie = false;
      } else if (order == 0) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  private static boolean institutionWithin(Passage p, int t) {
    for (int k = t; k < p.mentionEnd(t); k++) {
      if (p.is(k, Role.STATE_INSTITUTION)) {
        return true;
      }
    }
    return false;
  }

  private static boolean institutionAfter(Passage p, int t) {
    for (int k = t; k < t + INSTITUTION_WINDOW && k < p.tokens.size(); k++) {
      if (p.is(k, Role.STATE_INSTITUTION)) {
        return true;
      }
      if (!p.tokens.isWord(k) || p.mentionAt(k) >= 0) {
        return false;
      }
    }
    return false;
  }
}
