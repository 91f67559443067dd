package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick over {@link CharClasses}, compiled to a dense DFA: one table lookup per char,
 * no allocation while matching. Reports every alias occurrence on whole-word boundaries
 * whose capitals are capitals in the text too ("US" never matches "us"); choosing among
 * overlapping matches is the caller's job.
 */
final class ActorAutomaton {

  /** What one alias is: its text as written in the gazetteer, whom it names and how. */
  record Alias(String text, int actor, AliasKind kind) {}

  /** Receives each raw match; {@code alias} is the first alias of that folded spelling. */
  interface Sink {
    void match(int start, int end, int alias);
  }

  private final List<Alias> aliases;
  /** Next alias with the same folded spelling, or -1 ("Kim" names two people). */
  private final int[] sameSpelling;
  private final int[] delta;
  /** First alias ending exactly at a state, or -1. */
  private final int[] output;
  /** Nearest proper suffix state that has an output, or 0. */
  private final int[] dictionaryLink;
  private final int[] depth;

  ActorAutomaton(List<Alias> input) {
    Map<String, Integer> firstBySpelling = new HashMap<>();
    aliases = new ArrayList<>();
    List<Integer> chain = new ArrayList<>();
    // Trie under construction: children as dense rows of CharClasses.COUNT.
    IntList trie = new IntList();
    IntList out = new IntList();
    IntList depths = new IntList();
    newState(trie, out, depths, 0);
    for (Alias alias : input) {
      String folded = fold(alias.text());
      if (folded.isEmpty()) {
        continue;
      }
      int id = aliases.size();
      aliases.add(alias);
      chain.add(-1);
      Integer first = firstBySpelling.putIfAbsent(folded, id);
      if (first != null) {
        int last = first;
        while (chain.get(last) != -1) {
          last = chain.get(last);
        }
        chain.set(last, id);
        continue;
      }
      int state = 0;
      for (int i = 0; i < folded.length(); i++) {
        int cls = folded.charAt(i);
        int child = trie.get(state * CharClasses.COUNT + cls);
        if (child <= 0) {
          child = newState(trie, out, depths, i + 1);
          trie.set(state * CharClasses.COUNT + cls, child);
        }
        state = child;
      }
      out.set(state, id);
    }
    sameSpelling = chain.stream().mapToInt(Integer::intValue).toArray();
    int states = depths.size();
    delta = Arrays.copyOf(trie.toArray(), states * CharClasses.COUNT);
    output = Arrays.copyOf(out.toArray(), states);
    depth = depths.toArray();
    dictionaryLink = new int[states];
    compile(states);
  }

  private static int newState(IntList trie, IntList out, IntList depths, int depth) {
    int id = depths.size();
    for (int c = 0; c < CharClasses.COUNT; c++) {
      trie.add(0);
    }
    out.add(-1);
    depths.add(depth);
    return id;
  }

  /** Breadth-first: failure links become DFA transitions; outputs chain through suffixes. */
  private void compile(int states) {
    int[] fail = new int[states];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int c = 1; c < CharClasses.COUNT; c++) {
      int child = delta[c];
      if (child > 0) {
        fail[child] = 0;
        queue[tail++] = child;
      }
    }
    while (head < tail) {
      int state = queue[head++];
      int f = fail[state];
      dictionaryLink[state] = output[f] >= 0 ? f : dictionaryLink[f];
      for (int c = 1; c < CharClasses.COUNT; c++) {
        int child = delta[state * CharClasses.COUNT + c];
        if (child > 0) {
          fail[child] = delta[f * CharClasses.COUNT + c];
          queue[tail++] = child;
        } else {
          delta[state * CharClasses.COUNT + c] = delta[f * CharClasses.COUNT + c];
        }
      }
    }
    // Class OTHER always returns to the root: it occurs in no alias.
    for (int s = 0; s < states; s++) {
      delta[s * CharClasses.COUNT] = 0;
    }
  }

  static String fold(String alias) {
    StringBuilder folded = new StringBuilder(alias.length());
    for (int i = 0; i < alias.length(); i++) {
      int cls = CharClasses.of(alias.charAt(i));
      if (cls == CharClasses.OTHER) {
        return "";
      }
      folded.append((char) cls);
    }
    return folded.toString();
  }

  void scan(CharSequence text, Sink sink) {
    int state = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      state = delta[state * CharClasses.COUNT + CharClasses.of(text.charAt(i))];
      int s = output[state] >= 0 ? state : dictionaryLink[state];
      while (s != 0) {
        int end = i + 1;
        int start = end - depth[s];
        int alias = output[s];
        if (isWordBoundary(text, start - 1) && isWordBoundary(text, end) && capitalsAgree(text, start, alias)) {
          sink.match(start, end, alias);
        }
        s = dictionaryLink[s];
      }
    }
  }

  private static boolean isWordBoundary(CharSequence text, int i) {
    return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }

  /**
   * Every capital letter of some spelling of the alias is a capital in the text ("Turkey" is not
   * "turkey"; "Kim Jong-un" matches the spelling "Kim Jong-un", not "Kim Jong Un").
   */
  private boolean capitalsAgree(CharSequence text, int start, int alias) {
    for (int a = alias; a >= 0; a = sameSpelling[a]) {
      if (capitalsAgree(text, start, aliases.get(a).text())) {
        return true;
      }
    }
    return false;
  }

  private static boolean capitalsAgree(CharSequence text, int start, String written) {
    for (int k = 0; k < written.length(); k++) {
      if (Character.isUpperCase(written.charAt(k)) && !Character.isUpperCase(text.charAt(start + k))) {
        return false;
      }
    }
    return true;
  }

  Alias alias(int id) {
    return aliases.get(id);
  }

  /** The next alias spelled like {@code id}, or -1. */
  int nextSameSpelling(int id) {
    return sameSpelling[id];
  }

  /** Bytes held by the compiled tables, for the memory budget. */
  long tableBytes() {
    return 4L * (delta.length + output.length + dictionaryLink.length + depth.length + sameSpelling.length);
  }

  /** A growable int array, so building the trie boxes nothing. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return i < size ? values[i] : 0;
    }

    void set(int i, int v) {
      values[i] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
