package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 *   d\0{actor}\0{yyyy-MM-dd}  one day of the timeline
 *   c\0{actor}                co-actors: a snapshot of every count (generation g)
 *   e\0{actor}\0{nn}          co-actors: the counts one commit changed since the snapshot (generation g, nn = 00, 01, ...)
 *   n\0{co-actor}             a co-actor's name
 *   r\0{actor}\0{TYPE}\0{reported at, ms, 13 digits}\0{article}  one report: the history of reported figures
 * </pre>
 *
 * A commit writes the records an update changed and deletes those that became empty, so the
 * changelog carries a few small records per changed actor, whatever the actor has accumulated.
 * Co-actors are most of what changes (an article naming n actors changes n x (n-1) pairs), so
 * they are not a record per pair: a commit writes one record with the counts it changed, and
 * once those change records together carry more counts than the actor has co-actors, a new
 * snapshot replaces them (change records of an older generation are skipped when read, and
 * overwritten later). So writing costs, amortised, at most twice the counts that changed, and
 * reading an actor back reads at most twice its co-actors. (Every report could get its own
 * record, keyed by actor, type and article, as days do.)
 */
final class ActorStateLayout {

  private static final char SEP = '\u0000';
  private static final StringSerializer KEYS = new StringSerializer();

  /** The totals record. */
  record Totals(String actorId, String name, ActorType type, String affiliation, long articles, long mentions,
      long updatedAt, List<ActorAccumulator.Seen> earliest, List<ActorAccumulator.Seen> latest, String timelineStart) {}

  private static final BinaryFormat<Figure> REPORT = InternalFormats.FIGURE;
  private static final BinaryFormat<Totals> TOTALS = InternalFormats.TOTALS;
  private static final BinaryFormat<ActorAccumulator.TypeStats> FIGURES = InternalFormats.TYPE_STATS;
  private static final BinaryFormat<ActorAccumulator.DayCounts> DAY = InternalFormats.DAY_COUNTS;

  /** Co-actor counts as stored, a snapshot or one commit's changes: parallel arrays, so field names are not repeated. */
  record CoActorRecord(int generation, List<String> ids, long[] counts) {}

  private static final BinaryFormat<CoActorRecord> CO_ACTORS = InternalFormats.CO_ACTORS;
  /** Change records kept before a snapshot is written anyway (bounds the keys per actor). */
  static final int MAX_CHANGE_RECORDS = 64;

  private ActorStateLayout() {}

  /** Writes what changed in {@code acc} since it was last written, and deletes what no article supports any more. */
  static void writeChanges(String actor, ActorAccumulator acc, KeyValueStore<String, byte[]> store) {
    if (acc.totalsChanged) {
      write(store, key('t', actor), acc.isEmpty() ? null : TOTALS.write(new Totals(acc.actorId,
          acc.name, acc.type, acc.affiliation, acc.articles, acc.mentions, acc.updatedAt, acc.earliest, acc.latest,
          acc.timelineStart)));
    }
    for (CasualtyType t : acc.changedTypes) {
      ActorAccumulator.TypeStats s = acc.casualties.get(t);
      write(store, key('f', actor, t.name()), s == null ? null : FIGURES.write(s));
    }
    writeCoActors(actor, acc, store);
    for (ActorAccumulator.ReportChange r : acc.reportChanges) {
      write(store, reportKey(actor, r.type(), r.figure()), r.added() ? REPORT.write(r.figure()) : null);
    }
    for (String d : acc.changedDays) {
      ActorAccumulator.DayCounts day = acc.days.get(d);
      write(store, key('d', actor, d), day == null ? null : DAY.write(day));
    }
    acc.written();
  }

  /** The actor's accumulator as stored, or null for an actor no article names. */
  static ActorAccumulator read(String actor, ReadOnlyKeyValueStore<String, byte[]> store) {
    return read(actor, store, names(store));
  }

  /** The same, its co-actors indexed by {@code index} (a task's, shared by its actors). */
  static ActorAccumulator read(String actor, ReadOnlyKeyValueStore<String, byte[]> store, ActorIndex index) {
    byte[] totals = store.get(key('t', actor));
    if (totals == null) {
      return null;
    }
    ActorAccumulator acc = withTotals(TOTALS.read(totals), index);
    String figures = key('f', actor) + SEP;
    scan(store, figures, (k, v) -> acc.casualties.put(CasualtyType.valueOf(k.substring(figures.length())),
        FIGURES.read(v)));
    readCoActors(actor, acc.coActors, store);
    String days = key('d', actor) + SEP;
    scan(store, days, (k, v) -> acc.days.put(k.substring(days.length()), DAY.read(v)));
    return acc;
  }

  /** The actor's reports (of {@code type}, or all types when null), oldest first within a type. */
  static List<Report> reports(String actor, CasualtyType type, ReadOnlyKeyValueStore<String, byte[]> store) {
    List<Report> reports = new ArrayList<>();
    String prefix = type == null ? key('r', actor) + SEP : key('r', actor, type.name()) + SEP;
    scan(store, prefix, (k, v) -> {
      String rest = k.substring(key('r', actor).length() + 1);
      reports.add(new Report(CasualtyType.valueOf(rest.substring(0, rest.indexOf(SEP))), REPORT.read(v)));
    });
    return reports;
  }

  private static String reportKey(String actor, CasualtyType type, Figure f) {
    return key('r', actor, type.name()) + SEP + zeroPadded(f.reportedAt().toEpochMilli(), 13) + SEP + f.articleId();
  }

  /** Every actor's totals (no figures, co-actors or days): one prefix scan. */
  static List<ActorAccumulator> allTotals(ReadOnlyKeyValueStore<String, byte[]> store) {
    List<ActorAccumulator> all = new ArrayList<>();
    ActorIndex index = names(store);
    scan(store, "t" + SEP, (k, v) -> all.add(withTotals(TOTALS.read(v), index)));
    return all;
  }

  /** An index that finds names it was not told in the store's name records. */
  static ActorIndex names(ReadOnlyKeyValueStore<String, byte[]> store) {
    return new ActorIndex(id -> {
      byte[] name = store.get(key('n', id));
      return name == null ? null : new String(name, StandardCharsets.UTF_8);
    });
  }

  /** Writes the names the index learnt since the last call. */
  static void writeNames(ActorIndex index, KeyValueStore<String, byte[]> store) {
    index.drainRenamed((id, name) -> store.put(key('n', id), name.getBytes(StandardCharsets.UTF_8)));
  }

  private static ActorAccumulator withTotals(Totals t, ActorIndex index) {
    ActorAccumulator acc = new ActorAccumulator(index);
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

  private static void writeCoActors(String actor, ActorAccumulator acc, KeyValueStore<String, byte[]> store) {
    CoActorCounts co = acc.coActors;
    if (acc.isEmpty()) { // no article names it: neither its snapshot nor its change records mean anything
      co.drainChanged((id, n) -> { });
      List<String> keys = new ArrayList<>();
      scan(store, key('e', actor) + SEP, (k, v) -> keys.add(k));
      keys.forEach(store::delete);
      store.delete(key('c', actor));
      co.generation = 0;
      return;
    }
    int changes = co.changedCount();
    if (changes == 0) {
      return;
    }
    if (co.generation == 0 || co.changeRecords == MAX_CHANGE_RECORDS || co.changesSinceSnapshot + changes > co.size()) {
      co.drainChanged((id, n) -> { });
      co.generation++;
      co.changeRecords = 0;
      co.changesSinceSnapshot = 0;
      store.put(key('c', actor), coActorRecord(co.generation, co.size(), co::forEach));
    } else {
      store.put(key('e', actor, zeroPadded(co.changeRecords, 2)), coActorRecord(co.generation, changes, co::drainChanged));
      co.changeRecords++;
      co.changesSinceSnapshot += changes;
    }
  }

  private static byte[] coActorRecord(int generation, int size, java.util.function.Consumer<java.util.function.ObjLongConsumer<String>> counts) {
    List<String> ids = new ArrayList<>(size);
    long[] articles = new long[size];
    counts.accept((id, n) -> {
      articles[ids.size()] = n;
      ids.add(id);
    });
    return CO_ACTORS.write(new CoActorRecord(generation, ids, articles));
  }

  private static void readCoActors(String actor, CoActorCounts co, ReadOnlyKeyValueStore<String, byte[]> store) {
    byte[] snapshot = store.get(key('c', actor));
    if (snapshot == null) {
      return;
    }
    CoActorRecord s = CO_ACTORS.read(snapshot);
    apply(s, co);
    co.generation = s.generation();
    String changes = key('e', actor) + SEP;
    scan(store, changes, (k, v) -> { // in the order they were written: nn sorts as written
      CoActorRecord change = CO_ACTORS.read(v);
      if (change.generation() == co.generation) {
        apply(change, co);
        co.changeRecords = Math.max(co.changeRecords, Integer.parseInt(k.substring(changes.length())) + 1);
        co.changesSinceSnapshot += change.ids().size();
      }
    });
  }

  private static void apply(CoActorRecord r, CoActorCounts co) {
    for (int i = 0; i < r.ids().size(); i++) {
      co.set(r.ids().get(i), r.counts()[i]);
    }
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

  /** {@code n} in {@code width} digits, leading zeros, so keys sort as numbers (String.format was a hot spot of the flush). */
  static String zeroPadded(long n, int width) {
    String digits = Long.toString(n);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
