package io.newsflow.aggregate;

import io.micrometer.core.instrument.Gauge;
import io.newsflow.aggregate.dashboard.Dashboard;
import io.newsflow.aggregate.dashboard.PipelineStatus;
import io.newsflow.aggregate.dashboard.RawTopicRecords;
import io.newsflow.aggregate.dashboard.RecentArticles;
import io.newsflow.aggregate.query.ActorApi;
import io.newsflow.aggregate.query.ReadAccess;
import io.newsflow.aggregate.topology.ActorStatsStore;
import io.newsflow.aggregate.topology.ActorStatsTopology;
import io.newsflow.aggregate.topology.CountingDeadLetterHandlers;
import io.newsflow.runtime.Health;
import io.newsflow.runtime.KafkaConnectivity;
import io.newsflow.runtime.ServiceHttpServer;
import io.newsflow.runtime.ServiceLauncher;
import io.newsflow.runtime.ServiceMetrics;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.TopicSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;

/** aggregate-service: the Kafka Streams application and its HTTP API, /metrics and /health. */
public final class AggregateService implements AutoCloseable {

  private final ServiceMetrics metrics;
  private final KafkaStreams streams;
  private final ServiceHttpServer http;
  private final RawTopicRecords rawRecords;
  private final RecentArticles recentArticles;

  private AggregateService(ServiceMetrics metrics, KafkaStreams streams, ServiceHttpServer http, RawTopicRecords rawRecords,
      RecentArticles recentArticles) {
    this.metrics = metrics;
    this.streams = streams;
    this.http = http;
    this.rawRecords = rawRecords;
    this.recentArticles = recentArticles;
  }

  public static void main(String[] args) {
    ServiceLauncher.run("aggregate-service", () -> start(AggregateConfig.from(Settings.load(AggregateConfig.DEFAULTS))));
  }

  public static AggregateService start(AggregateConfig config) {
    KafkaConnectivity.requireReachable(config.kafka(), Duration.ofSeconds(10));
    TopicSetup.ensure(config.kafka(), config.topics(), config.settings());
    ServiceMetrics metrics = new ServiceMetrics("aggregate-service");
    // This instance's HTTP address is its application.server, so the port must be known first.
    HostInfo self = new HostInfo(config.advertisedHost(), config.httpPort() != 0 ? config.httpPort() : freePort());
    int partitions = InternalTopics.partitionsOf(config.kafka(), config.topics().enriched());
    Topology topology = ActorStatsTopology.build(config.topics(), partitions, config.timelineRetention(), Clock.systemUTC(),
        metrics.registry());
    InternalTopics.ensure(config.kafka(), config.applicationId(), topology, partitions, config.replicationFactor());
    KafkaStreams streams = new KafkaStreams(topology, streamsProperties(config, self, metrics));
    // A stream thread that dies (seen: a transaction commit failing with InvalidTxnStateException
    // while Streams recovered tasks after a SIGKILL) is replaced, with a new producer, instead of
    // shutting the whole client down for good (the default): its tasks resume from the last commit.
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
    metrics.bindStreams(streams);
    Gauge.builder("newsflow_aggregate_store_actors", streams, AggregateService::localActors)
        .description("Actors in this instance's statistics store").register(metrics.registry());
    ReadAccess access = new ReadAccess(config.authToken());
    ActorApi api = new ActorApi(streams, self, access);
    RawTopicRecords rawRecords = new RawTopicRecords(config.kafka(), config.topics().raw());
    RecentArticles recentArticles = new RecentArticles(config.kafka(), config.topics().enriched());
    Dashboard dashboard = new Dashboard(new PipelineStatus(config.ingestMetrics(), config.enrichMetrics(), metrics, rawRecords),
        recentArticles);
    ServiceHttpServer http = ServiceHttpServer.start(config.httpHost(), self.port(), metrics, config.kafka(), () -> health(streams), routes -> {
      access.register(routes);
      api.register(routes);
      dashboard.register(routes);
    });
    streams.start();
    return new AggregateService(metrics, streams, http, rawRecords, recentArticles);
  }

  /**
   * Client settings the service runs with, for the bench's apps too (a {@code kafka.*} setting
   * overrides them). Changelog and repartition records are small and repetitive: lz4 packs them
   * several times smaller. A commit every 200 ms instead of exactly-once's default 100 ms: every
   * commit writes each changed actor's parts and publishes its statistics, whatever the number of
   * updates in between, so that halves the per-actor cost of a busy stream (2 cores: 5,200 -> 7,400
   * articles/s) for statistics at most 100 ms staler.
   */
  public static final Map<String, Object> STREAMS_TUNING = Map.of(
      StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4",
      StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262144,
      StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);

  static Properties streamsProperties(AggregateConfig config, HostInfo self, ServiceMetrics metrics) {
    Properties p = new Properties();
    p.putAll(STREAMS_TUNING);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CountingDeadLetterHandlers.Deserialization.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, CountingDeadLetterHandlers.Processing.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true); // Kafka 5.0's default
    p.put(CountingDeadLetterHandlers.REGISTRY, metrics.registry());
    p.putAll(config.kafka());
    return p;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Health health(KafkaStreams streams) {
    KafkaStreams.State state = streams.state();
    Map<String, Object> details = Map.of("state", state.name());
    return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? Health.up(details) : Health.down(details);
  }

  private static double localActors(KafkaStreams streams) {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(ActorStatsTopology.STATS_STORE,
          ActorStatsStore.queryable())).allTotals().size();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    // leave the group: its other instances take over this one's tasks now, not after the session timeout
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    http.close();
    rawRecords.close();
    recentArticles.close();
    metrics.close();
  }
}
