package io.newsflow.enrich.extract;

import java.util.Arrays;

/** The actor mentions found in one article, in text order (reused between articles). */
final class ActorMentions {

  private int size;
  private int[] start = new int[64];
  private int[] end = new int[64];
  private int[] actor = new int[64];
  private AliasKind[] kind = new AliasKind[64];

  void clear() {
    size = 0;
  }

  void add(int s, int e, int a, AliasKind k) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      actor = Arrays.copyOf(actor, cap);
      kind = Arrays.copyOf(kind, cap);
    }
    start[size] = s;
    end[size] = e;
    actor[size] = a;
    kind[size] = k;
    size++;
  }

  int size() {
    return size;
  }

  int start(int m) {
    return start[m];
  }

  int end(int m) {
    return end[m];
  }

  int actor(int m) {
    return actor[m];
  }

  AliasKind kind(int m) {
    return kind[m];
  }
}
