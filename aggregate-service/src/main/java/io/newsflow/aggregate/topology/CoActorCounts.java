package io.newsflow.aggregate.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The actors co-mentioned with one actor, with the number of articles naming both, as three
 * parallel arrays sorted by id. Every update decodes and re-encodes an actor's accumulator, and
 * a hot actor has hundreds of co-actors: as arrays they cost a fraction of what hash maps of
 * boxed counts cost to encode, decode and rebuild (profiled: most of an update's time).
 */
public final class CoActorCounts {

  /** One co-actor, as views and the stats topic show it. */
  public record Entry(String id, String name, long articles) {}

  public String[] ids = new String[0];
  public String[] names = new String[0];
  public long[] articles = new long[0];

  /** One more article names both. */
  public void add(String id, String name) {
    int at = Arrays.binarySearch(ids, id);
    if (at >= 0) {
      articles[at]++;
      names[at] = name;
      return;
    }
    int insert = -at - 1;
    ids = inserted(ids, insert, id);
    names = inserted(names, insert, name);
    long[] grown = new long[articles.length + 1];
    System.arraycopy(articles, 0, grown, 0, insert);
    grown[insert] = 1;
    System.arraycopy(articles, insert, grown, insert + 1, articles.length - insert);
    articles = grown;
  }

  /** One article fewer names both; a co-actor no article names any more is dropped. */
  public void remove(String id) {
    int at = Arrays.binarySearch(ids, id);
    if (at < 0) {
      return;
    }
    if (--articles[at] > 0) {
      return;
    }
    ids = removed(ids, at);
    names = removed(names, at);
    long[] shrunk = new long[articles.length - 1];
    System.arraycopy(articles, 0, shrunk, 0, at);
    System.arraycopy(articles, at + 1, shrunk, at, articles.length - at - 1);
    articles = shrunk;
  }

  public int size() {
    return ids.length;
  }

  /** The {@code limit} co-actors named with it most often, ties by id. */
  public List<Entry> top(int limit) {
    List<Entry> all = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      all.add(new Entry(ids[i], names[i], articles[i]));
    }
    all.sort(Comparator.comparingLong(Entry::articles).reversed().thenComparing(Entry::id));
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  private static String[] inserted(String[] array, int at, String value) {
    String[] grown = new String[array.length + 1];
    System.arraycopy(array, 0, grown, 0, at);
    grown[at] = value;
    System.arraycopy(array, at, grown, at + 1, array.length - at);
    return grown;
  }

  private static String[] removed(String[] array, int at) {
    String[] shrunk = new String[array.length - 1];
    System.arraycopy(array, 0, shrunk, 0, at);
    System.arraycopy(array, at + 1, shrunk, at, array.length - at - 1);
    return shrunk;
  }
}
