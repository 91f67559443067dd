package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How an {@link ActorAccumulator} lies in the store: small records under keys that start with
 * the part, then the actor, so one actor's records of one part are one prefix scan and all
 * actors' totals are another (what {@code GET /actors} lists):
 *
 * <pre>
 *   t\0{actor}                totals: name, type, articles, mentions, first/last seen candidates
 *   f\0{actor}\0{TYPE}        one casualty type: reports, latest and highest candidates
 *   c\0{actor}\0{co-actor}    one co-actor: the articles naming both, and its name
 *   d\0{actor}\0{yyyy-MM-dd}  one day of the timeline
 * </pre>
 *
 * A commit writes the records an update changed and deletes those that became empty, so the
 * changelog carries a few small records per update, whatever the actor has accumulated. (Every
 * report could get its own record the same way, keyed by actor, type and article.)
 */
final class ActorStateLayout {

  private static final char SEP = '\u0000';
  private static final StringSerializer KEYS = new StringSerializer();

  /** The totals record. */
  record Totals(String actorId, String name, ActorType type, String affiliation, long articles, long mentions,
      long updatedAt, List<ActorAccumulator.Seen> earliest, List<ActorAccumulator.Seen> latest, String timelineStart) {}

  private static final Serde<Totals> TOTALS = new SmileSerde<>(Totals.class);
  private static final Serde<ActorAccumulator.TypeStats> FIGURES = new SmileSerde<>(ActorAccumulator.TypeStats.class);
  private static final Serde<ActorAccumulator.DayCounts> DAY = new SmileSerde<>(ActorAccumulator.DayCounts.class);

  private ActorStateLayout() {}

  /** Writes what changed in {@code acc} since it was last written, and deletes what no article supports any more. */
  static void writeChanges(String actor, ActorAccumulator acc, KeyValueStore<String, byte[]> store) {
    if (acc.totalsChanged) {
      write(store, key('t', actor), acc.isEmpty() ? null : TOTALS.serializer().serialize(null, new Totals(acc.actorId,
          acc.name, acc.type, acc.affiliation, acc.articles, acc.mentions, acc.updatedAt, acc.earliest, acc.latest,
          acc.timelineStart)));
    }
    for (CasualtyType t : acc.changedTypes) {
      ActorAccumulator.TypeStats s = acc.casualties.get(t);
      write(store, key('f', actor, t.name()), s == null ? null : FIGURES.serializer().serialize(null, s));
    }
    for (CoActorCounts.Entry e : acc.coActors.drainChanged()) {
      write(store, key('c', actor, e.id()), e.articles() <= 0 ? null : coActor(e));
    }
    for (String d : acc.changedDays) {
      ActorAccumulator.DayCounts day = acc.days.get(d);
      write(store, key('d', actor, d), day == null ? null : DAY.serializer().serialize(null, day));
    }
    acc.written();
  }

  /** The actor's accumulator as stored, or null for an actor no article names. */
  static ActorAccumulator read(String actor, ReadOnlyKeyValueStore<String, byte[]> store) {
    byte[] totals = store.get(key('t', actor));
    if (totals == null) {
      return null;
    }
    ActorAccumulator acc = withTotals(TOTALS.deserializer().deserialize(null, totals));
    String figures = key('f', actor) + SEP;
    scan(store, figures, (k, v) -> acc.casualties.put(CasualtyType.valueOf(k.substring(figures.length())),
        FIGURES.deserializer().deserialize(null, v)));
    String coActors = key('c', actor) + SEP;
    scan(store, coActors, (k, v) -> acc.coActors.put(coActor(k.substring(coActors.length()), v)));
    String days = key('d', actor) + SEP;
    scan(store, days, (k, v) -> acc.days.put(k.substring(days.length()), DAY.deserializer().deserialize(null, v)));
    return acc;
  }

  /** Every actor's totals (no figures, co-actors or days): one prefix scan. */
  static List<ActorAccumulator> allTotals(ReadOnlyKeyValueStore<String, byte[]> store) {
    List<ActorAccumulator> all = new ArrayList<>();
    scan(store, "t" + SEP, (k, v) -> all.add(withTotals(TOTALS.deserializer().deserialize(null, v))));
    return all;
  }

  private static ActorAccumulator withTotals(Totals t) {
    ActorAccumulator acc = new ActorAccumulator();
    acc.actorId = t.actorId();
    acc.name = t.name();
    acc.type = t.type();
    acc.affiliation = t.affiliation();
    acc.articles = t.articles();
    acc.mentions = t.mentions();
    acc.updatedAt = t.updatedAt();
    acc.earliest = new ArrayList<>(t.earliest());
    acc.latest = new ArrayList<>(t.latest());
    acc.timelineStart = t.timelineStart();
    return acc;
  }

  /**
   * A co-actor record: the article count (8 bytes) and the name (UTF-8). These are most of the
   * records a commit writes, so they skip the object mapper.
   */
  private static byte[] coActor(CoActorCounts.Entry e) {
    byte[] name = e.name() == null ? new byte[0] : e.name().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + name.length).putLong(e.articles()).put(name).array();
  }

  private static CoActorCounts.Entry coActor(String id, byte[] value) {
    ByteBuffer b = ByteBuffer.wrap(value);
    long articles = b.getLong();
    return new CoActorCounts.Entry(id, new String(value, Long.BYTES, value.length - Long.BYTES, StandardCharsets.UTF_8), articles);
  }

  private interface Entry {
    void accept(String key, byte[] value);
  }

  private static void scan(ReadOnlyKeyValueStore<String, byte[]> store, String prefix, Entry entry) {
    try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        entry.accept(kv.key, kv.value);
      }
    }
  }

  private static void write(KeyValueStore<String, byte[]> store, String key, byte[] value) {
    if (value == null) {
      store.delete(key);
    } else {
      store.put(key, value);
    }
  }

  private static String key(char part, String actor) {
    return part + String.valueOf(SEP) + actor;
  }

  private static String key(char part, String actor, String sub) {
    return key(part, actor) + SEP + sub;
  }
}
