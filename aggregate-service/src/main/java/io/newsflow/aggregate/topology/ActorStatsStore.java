package io.newsflow.aggregate.topology;

import io.newsflow.schema.CasualtyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The actors' accumulators, kept decoded in memory by the task that owns them and written to a
 * logged RocksDB store as small records ({@link ActorStateLayout}): an update changes the object
 * in memory and notes which parts it changed, and those parts are written once, when Kafka
 * Streams flushes the task's caches just before it commits. So neither an update nor a commit
 * costs more for an actor that has accumulated more. An actor is read from the store once, when
 * the task first touches it; the accumulators a task holds stay in memory (actor ids come from
 * the gazetteer, so they are hundreds, not millions).
 *
 * <p>This is Kafka Streams' own caching layer with objects instead of bytes, hooked into the same
 * place: {@code flushCache()} of the internal {@code CachedStateStore} interface, which the task
 * calls before it commits its transaction, so the changelog records join the transaction of the
 * input offsets they account for and the store stays exactly-once. (The public
 * {@code StateStore.commit} runs after the transaction committed, too late.) A crash loses the
 * objects with the transaction they belonged to; a restarted task reads the restored store.
 *
 * <p>Interactive queries ({@link ActorStatsReader}, from other threads) read the store as of the
 * last flush, at most a commit interval old; only the stream thread touches the objects.
 */
public final class ActorStatsStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
    implements ActorStatsReader {

  private final Map<String, ActorAccumulator> loaded = new HashMap<>();
  private final Set<String> changed = new HashSet<>();
  private ActorIndex index;

  ActorStatsStore(KeyValueStore<String, byte[]> logged) {
    super(logged);
  }

  /** The store named {@code name}: accumulators in memory over a logged, uncached RocksDB store. */
  public static StoreBuilder<ActorStatsStore> builder(String name) {
    return new ActorStatsStoreBuilder(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
        Serdes.ByteArray()).withCachingDisabled());
  }

  /** For interactive queries: {@code streams.store(StoreQueryParameters.fromNameAndType(name, ActorStatsStore.queryable()))}. */
  public static QueryableStoreType<ActorStatsReader> queryable() {
    return new Queryable();
  }

  /** This store as a processor gets it (Kafka Streams may hand processors a decorator around it). */
  static ActorStatsStore of(StateStore store) {
    StateStore s = store;
    while (!(s instanceof ActorStatsStore) && s instanceof WrappedStateStore<?, ?, ?> decorator) {
      s = decorator.wrapped();
    }
    if (!(s instanceof ActorStatsStore actorStats)) {
      throw new IllegalStateException(store.name() + " is not an ActorStatsStore");
    }
    return actorStats;
  }

  /** The actor's accumulator to change in place (a new one for an unknown actor); its changes are written at the next flush. */
  ActorAccumulator edit(String actorId) {
    changed.add(actorId);
    return current(actorId);
  }

  /** The accumulator as it is now, from the stream thread, without marking it changed. */
  ActorAccumulator current(String actorId) {
    return loaded.computeIfAbsent(actorId, id -> {
      ActorAccumulator stored = ActorStateLayout.read(id, wrapped(), index());
      return stored != null ? stored : new ActorAccumulator(index());
    });
  }

  /** Every actor this store holds, as flushed. */
  List<String> actorIds() {
    return allTotals().stream().map(a -> a.actorId).toList();
  }

  /**
   * Drops the objects: when the task (re)starts or stops, the store below may be restored or, as a
   * standby's, updated from the changelog without passing here.
   */
  void forgetLoaded() {
    loaded.clear();
    changed.clear();
    index = null;
  }

  /** The co-actor index the loaded accumulators share (names it did not see come from the store). */
  private ActorIndex index() {
    if (index == null) {
      index = ActorStateLayout.names(wrapped());
    }
    return index;
  }

  @Override
  public void flushCache() {
    for (String actor : changed) {
      ActorAccumulator acc = loaded.get(actor);
      ActorStateLayout.writeChanges(actor, acc, wrapped());
      if (acc.isEmpty()) {
        loaded.remove(actor);
      }
    }
    changed.clear();
    if (index != null) {
      ActorStateLayout.writeNames(index, wrapped());
    }
    super.flushCache();
  }

  @Override
  public void clearCache() {
    forgetLoaded(); // what the aborted transaction changed
    super.clearCache();
  }

  @Override
  public void close() {
    forgetLoaded();
    super.close();
  }

  @Override
  public ActorAccumulator get(String actorId) {
    return ActorStateLayout.read(actorId, wrapped());
  }

  @Override
  public List<ActorAccumulator> allTotals() {
    return ActorStateLayout.allTotals(wrapped());
  }

  @Override
  public List<Report> reports(String actorId, CasualtyType type) {
    return ActorStateLayout.reports(actorId, type, wrapped());
  }

  /** Finds this store in every local task, as Kafka's docs show for custom stores. */
  private static final class Queryable implements QueryableStoreType<ActorStatsReader> {
    @Override
    public boolean accepts(StateStore stateStore) {
      return stateStore instanceof ActorStatsStore;
    }

    @Override
    public ActorStatsReader create(StateStoreProvider provider, String storeName) {
      return new ActorStatsReader() {
        @Override
        public ActorAccumulator get(String actorId) {
          for (ActorStatsReader store : provider.stores(storeName, Queryable.this)) {
            ActorAccumulator acc = store.get(actorId);
            if (acc != null) {
              return acc;
            }
          }
          return null;
        }

        @Override
        public List<Report> reports(String actorId, CasualtyType type) {
          List<Report> all = new ArrayList<>();
          provider.stores(storeName, Queryable.this).forEach(store -> all.addAll(store.reports(actorId, type)));
          return all;
        }

        @Override
        public List<ActorAccumulator> allTotals() {
          List<ActorAccumulator> all = new ArrayList<>();
          provider.stores(storeName, Queryable.this).forEach(store -> all.addAll(store.allTotals()));
          return all;
        }
      };
    }
  }
}
