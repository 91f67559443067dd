package io.newsflow.aggregate.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The actors co-mentioned with one actor, with the number of articles naming both. Kept in
 * memory between commits ({@link ActorStatsStore}) and stored one record per pair
 * ({@link ActorStateLayout}), so an update touches one counter per co-actor.
 */
public final class CoActorCounts {

  /** One co-actor, as views and the stats topic show it. */
  public record Entry(String id, String name, long articles) {}

  private static final Comparator<Entry> MOST_ARTICLES = Comparator.comparingLong(Entry::articles).reversed()
      .thenComparing(Entry::id);

  /** A pair's count, changed in place; {@code slot} is its place in {@link #counts}. */
  private static final class Count {
    final String id;
    String name;
    long articles;
    int slot;
    boolean changed;

    Count(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private final Map<String, Count> byId = new HashMap<>();
  /** The same counts as a list: ranking them walks an array, not a hash table. */
  private final List<Count> counts = new ArrayList<>();
  /** Counts changed since {@link #drainChanged}, in the order they changed (a dropped pair with 0 articles). */
  private final List<Count> changed = new ArrayList<>();

  /** One more article names both. */
  public void add(String id, String name) {
    Count c = byId.get(id);
    if (c == null) {
      c = new Count(id, name);
      c.slot = counts.size();
      counts.add(c);
      byId.put(id, c);
    }
    c.name = name;
    c.articles++;
    markChanged(c);
  }

  /** One article fewer names both; a co-actor no article names any more is dropped. */
  public void remove(String id) {
    Count c = byId.get(id);
    if (c == null) {
      return;
    }
    markChanged(c);
    if (--c.articles > 0) {
      return;
    }
    byId.remove(id);
    Count last = counts.remove(counts.size() - 1);
    if (last != c) {
      counts.set(c.slot, last);
      last.slot = c.slot;
    }
  }

  /** The pair as it is now, or null once no article names both. */
  public Entry get(String id) {
    Count c = byId.get(id);
    return c == null ? null : new Entry(id, c.name, c.articles);
  }

  /** A pair read back from the store. */
  void put(Entry entry) {
    Count c = new Count(entry.id(), entry.name());
    c.articles = entry.articles();
    c.slot = counts.size();
    counts.add(c);
    byId.put(entry.id(), c);
  }

  /** The pairs changed since the last call, each once, as they are now (0 articles: dropped). */
  List<Entry> drainChanged() {
    List<Entry> out = new ArrayList<>(changed.size());
    for (Count c : changed) {
      c.changed = false;
      out.add(new Entry(c.id, c.name, c.articles));
    }
    changed.clear();
    return out;
  }

  private void markChanged(Count c) {
    if (!c.changed) {
      c.changed = true;
      changed.add(c);
    }
  }

  public int size() {
    return byId.size();
  }

  /**
   * The {@code limit} co-actors named with it most often, ties by id. Published for every changed
   * actor each emit interval, so it selects the few it needs instead of sorting them all.
   */
  public List<Entry> top(int limit) {
    List<Entry> best = new ArrayList<>(Math.min(limit, counts.size()) + 1);
    for (Count c : counts) {
      if (best.size() == limit && c.articles < best.get(limit - 1).articles()) {
        continue; // the common case: not among the top
      }
      Entry candidate = new Entry(c.id, c.name, c.articles);
      int at = best.size();
      while (at > 0 && MOST_ARTICLES.compare(candidate, best.get(at - 1)) < 0) {
        at--;
      }
      if (at < limit) {
        best.add(at, candidate);
        if (best.size() > limit) {
          best.remove(limit);
        }
      }
    }
    return best;
  }
}
