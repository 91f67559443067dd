package io.newsflow.aggregate.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * The actors co-mentioned with one actor, with the number of articles naming both: one counter
 * per {@link ActorIndex} slot, so an update touches one array element per co-actor and ranking
 * walks one array. It remembers which counts changed since they were last written, and how they
 * lie in the store ({@link ActorStateLayout}: a snapshot and the changes written since).
 */
public final class CoActorCounts {

  /** One co-actor, as views and the stats topic show it. */
  public record Entry(String id, String name, long articles) {}

  private final ActorIndex index;
  private long[] counts = new long[16];
  private int size;
  private final BitSet changed = new BitSet();

  /** The stored snapshot's generation (0: none yet), change records written since it, and the counts they carried. */
  int generation;
  int changeRecords;
  int changesSinceSnapshot;

  /** Counts with their own index, for an accumulator outside a task. */
  public CoActorCounts() {
    this(new ActorIndex(id -> null));
  }

  CoActorCounts(ActorIndex index) {
    this.index = index;
  }

  /** One more ({@code by} 1) or one fewer ({@code by} -1) article names it with each of {@code named} but {@code self}. */
  void countWith(List<NamedActor> named, String self, int by) {
    int[] slots = index.slots(named); // first: self is among them, and may be new
    int own = index.slotOf(self);
    for (int slot : slots) {
      if (slot != own) {
        if (by > 0) {
          increment(slot);
        } else {
          decrement(slot);
        }
      }
    }
  }

  private void increment(int slot) {
    if (slot >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(slot + 1, counts.length * 2));
    }
    if (counts[slot]++ == 0) {
      size++;
    }
    changed.set(slot);
  }

  private void decrement(int slot) {
    if (slot >= counts.length || counts[slot] == 0) {
      return;
    }
    if (--counts[slot] == 0) {
      size--;
    }
    changed.set(slot);
  }

  /** A count read back from the store (0: the pair was dropped). */
  void set(String id, long articles) {
    int slot = index.slot(id, null);
    if (slot >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(slot + 1, counts.length * 2));
    }
    size += (articles > 0 ? 1 : 0) - (counts[slot] > 0 ? 1 : 0);
    counts[slot] = articles;
  }

  /** How many counts changed since they were last written. */
  int changedCount() {
    return changed.cardinality();
  }

  /** The counts changed since the last call, as they are now (0: dropped), by id. */
  void drainChanged(ObjLongConsumer<String> out) {
    for (int s = changed.nextSetBit(0); s >= 0; s = changed.nextSetBit(s + 1)) {
      out.accept(index.id(s), counts[s]);
    }
    changed.clear();
  }

  /** Every co-actor with its count, by id. */
  void forEach(ObjLongConsumer<String> out) {
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] > 0) {
        out.accept(index.id(s), counts[s]);
      }
    }
  }

  public int size() {
    return size;
  }

  /**
   * The {@code limit} co-actors named with it most often, ties by id. Published for every changed
   * actor each emit interval, so it selects the few it needs instead of sorting them all.
   */
  public List<Entry> top(int limit) {
    int[] best = new int[Math.min(limit, size) + 1];
    int kept = 0;
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] == 0 || (kept == limit && !ranksBefore(s, best[kept - 1]))) {
        continue; // the common case: not among the top
      }
      int at = kept;
      while (at > 0 && ranksBefore(s, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = s;
      kept = Math.min(kept + 1, limit);
    }
    List<Entry> top = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      top.add(entry(best[i]));
    }
    return top;
  }

  private boolean ranksBefore(int a, int b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : index.id(a).compareTo(index.id(b)) < 0;
  }

  private Entry entry(int slot) {
    return new Entry(index.id(slot), index.name(slot), counts[slot]);
  }
}
