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

  /** A pair's count, changed in place. */
  private static final class Count {
    String name;
    long articles;

    Count(String name) {
      this.name = name;
    }
  }

  private final Map<String, Count> byId = new HashMap<>();

  /** One more article names both. */
  public void add(String id, String name) {
    Count c = byId.computeIfAbsent(id, k -> new Count(name));
    c.name = name;
    c.articles++;
  }

  /** One article fewer names both; a co-actor no article names any more is dropped. */
  public void remove(String id) {
    Count c = byId.get(id);
    if (c != null && --c.articles <= 0) {
      byId.remove(id);
    }
  }

  /** The pair as stored, or null once no article names both. */
  public Entry get(String id) {
    Count c = byId.get(id);
    return c == null ? null : new Entry(id, c.name, c.articles);
  }

  /** A pair read back from the store. */
  void put(Entry entry) {
    Count c = new Count(entry.name());
    c.articles = entry.articles();
    byId.put(entry.id(), c);
  }

  public int size() {
    return byId.size();
  }

  /**
   * The {@code limit} co-actors named with it most often, ties by id. Published for every changed
   * actor each emit interval, so it selects the few it needs instead of sorting them all.
   */
  public List<Entry> top(int limit) {
    List<Entry> best = new ArrayList<>(Math.min(limit, byId.size()) + 1);
    for (Map.Entry<String, Count> e : byId.entrySet()) {
      long articles = e.getValue().articles;
      if (best.size() == limit && articles < best.get(limit - 1).articles()) {
        continue; // the common case: not among the top
      }
      Entry candidate = new Entry(e.getKey(), e.getValue().name, articles);
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
