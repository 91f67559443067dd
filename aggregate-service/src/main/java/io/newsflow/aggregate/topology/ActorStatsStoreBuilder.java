package io.newsflow.aggregate.topology;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds the logged store below, then {@link ActorStatsStore} on top of it. */
final class ActorStatsStoreBuilder implements StoreBuilder<ActorStatsStore> {

  private final StoreBuilder<KeyValueStore<String, byte[]>> logged;

  ActorStatsStoreBuilder(StoreBuilder<KeyValueStore<String, byte[]>> logged) {
    this.logged = logged;
  }

  @Override
  public StoreBuilder<ActorStatsStore> withCachingEnabled() {
    return this; // the store above is the cache
  }

  @Override
  public StoreBuilder<ActorStatsStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<ActorStatsStore> withLoggingEnabled(Map<String, String> config) {
    logged.withLoggingEnabled(config);
    return this;
  }

  @Override
  public StoreBuilder<ActorStatsStore> withLoggingDisabled() {
    throw new UnsupportedOperationException("the actor statistics must be restorable from their changelog");
  }

  @Override
  public ActorStatsStore build() {
    return new ActorStatsStore(logged.build());
  }

  @Override
  public Map<String, String> logConfig() {
    return logged.logConfig();
  }

  @Override
  public boolean loggingEnabled() {
    return logged.loggingEnabled();
  }

  @Override
  public String name() {
    return logged.name();
  }
}
