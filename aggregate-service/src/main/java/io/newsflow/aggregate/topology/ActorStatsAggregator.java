package io.newsflow.aggregate.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newsflow.schema.ActorStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * For each actor of an {@link ArticleChange} (all of this task's partition), subtracts the
 * contribution before and adds the one after on the accumulator in {@link ActorStatsStore}, and
 * publishes each changed actor's
 * {@code ActorStats} once per commit interval of the app ({@code commit.interval.ms}), not once per
 * update: a busy actor changes hundreds of times a second, and its statistics only need to be as
 * fresh as the commit that makes them visible. A published accumulator is the store's own object in memory, so
 * publishing decodes nothing.
 *
 * <p>Places ({@link Place#KEY_PREFIX}) are kept the same way but not published.
 *
 * <p>A crash or a clean stop can commit a change whose statistics were not yet published; so a
 * task that (re)starts publishes every actor it holds once (the stats topic is compacted: a
 * repeated value is harmless).
 */
final class ActorStatsAggregator implements Processor<String, ArticleChange, String, ActorStats> {

  private final Duration timelineRetention;
  private final Clock clock;
  private final Counter aggregated;
  private final Timer endToEnd;
  private final Map<String, Pending> pending = new HashMap<>();
  private ProcessorContext<String, ActorStats> context;
  private ActorStatsStore store;
  private boolean publishAll = true;

  /** An actor changed since its statistics last went out: what the change waits for. */
  private static final class Pending {
    long timestamp;
    long[] ingestedAt = new long[4];
    int updates;

    void add(long ingested) {
      if (updates == ingestedAt.length) {
        ingestedAt = Arrays.copyOf(ingestedAt, updates * 2);
      }
      ingestedAt[updates++] = ingested;
    }
  }

  ActorStatsAggregator(Duration timelineRetention, Clock clock, Counter aggregated, Timer endToEnd) {
    this.timelineRetention = timelineRetention;
    this.clock = clock;
    this.aggregated = aggregated;
    this.endToEnd = endToEnd;
  }

  @Override
  public void init(ProcessorContext<String, ActorStats> context) {
    this.context = context;
    this.store = ActorStatsStore.of(context.getStateStore(ActorStatsTopology.STATS_STORE));
    store.forgetLoaded(); // restored, or updated as a standby: read it afresh
    context.schedule(commitInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> publish());
  }

  /** How often the app commits: what the statistics it publishes can be fresher than is not visible sooner. */
  static Duration commitInterval(ProcessorContext<?, ?> context) {
    Object ms = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    return Duration.ofMillis(ms instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(ms)));
  }

  @Override
  public void process(Record<String, ArticleChange> record) {
    ArticleChange article = record.value();
    if (article == null) {
      return;
    }
    long now = clock.millis();
    for (ContributionChange change : article.changes()) {
      String actor = change.actorId();
      ActorAccumulator acc = store.edit(actor);
      if (change.before() != null) {
        acc.subtract(change.before(), article.namedBefore(), now);
      }
      if (change.after() != null) {
        acc.add(change.after(), article.namedAfter(), now - timelineRetention.toMillis(), now);
      }
      if (Place.isPlaceKey(actor)) {
        continue; // places are queried over HTTP: nothing to publish, and the counter and latency are the actors'
      }
      Pending p = pending.computeIfAbsent(actor, k -> new Pending());
      p.timestamp = Math.max(p.timestamp, record.timestamp());
      if (change.after() != null) {
        aggregated.increment();
        p.add(change.after().ingestedAt());
      }
    }
  }

  private void publish() {
    if (publishAll) {
      publishAll = false;
      republishStored();
    }
    long now = clock.millis();
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      ActorAccumulator acc = store.current(e.getKey()); // the store's object: an aborted change is not in it
      context.forward(new Record<>(e.getKey(), acc.isEmpty() ? null : acc.toStats(ActorStatsTopology.TOP_CO_ACTORS),
          p.timestamp));
      for (int i = 0; i < p.updates; i++) {
        endToEnd.record(Duration.ofMillis(Math.max(0, now - p.ingestedAt[i])));
      }
    }
    pending.clear();
  }

  /** Every actor this task holds, as restored: statistics a crash kept from going out go out now. */
  private void republishStored() {
    for (String actor : store.actorIds()) {
      if (Place.isPlaceKey(actor)) {
        continue;
      }
      pending.computeIfAbsent(actor, k -> {
        Pending p = new Pending();
        p.timestamp = context.currentSystemTimeMs();
        return p;
      });
    }
  }

  @Override
  public void close() {
    pending.clear();
    store.forgetLoaded();
  }
}
