package io.newsflow.aggregate.topology;

import static io.newsflow.aggregate.topology.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.ActorStats;
import io.newsflow.schema.AvroSerde;
import io.newsflow.schema.CasualtyStats;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Qualifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation semantics, one rule per test, on Kafka Streams' TopologyTestDriver. */
class ActorStatsTopologyTest {

  static final Topics TOPICS = new Topics("raw", "enriched", "dlq", "stats");
  static final Instant NOW = Instant.parse("2024-12-31T12:00:00Z");

  static final Duration EMIT_INTERVAL = Duration.ofMillis(100);

  TopologyTestDriver driver;
  TestInputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, ActorStats> stats;
  ActorStatsStore store;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TOPICS.dlq());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EMIT_INTERVAL.toMillis()); // statistics go out once per commit interval
    driver = new TopologyTestDriver(ActorStatsTopology.build(TOPICS, 1, Duration.ofDays(30),
        Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry()), props);
    enriched = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), AvroSerde.enrichedArticle().serializer());
    stats = driver.createOutputTopic(TOPICS.actorStats(), Serdes.String().deserializer(), AvroSerde.actorStats().deserializer());
    store = ActorStatsStore.of(driver.getStateStore(ActorStatsTopology.STATS_STORE)); // reads what the commit wrote
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** One article in, committed, and the statistics it changed published (once per emit interval). */
  private void pipe(EnrichedArticle article) {
    enriched.pipeInput(article.getId(), article);
    driver.advanceWallClockTime(EMIT_INTERVAL);
  }

  private ActorStats latest(String actor) {
    Map<String, ActorStats> byKey = stats.readKeyValuesToMap();
    return byKey.get(actor);
  }

  private CasualtyStats figure(ActorStats s, CasualtyType type) {
    return s.getCasualties().stream().filter(c -> c.getType() == type).findFirst().orElseThrow();
  }

  /** A generated name would change with any edit of the topology and orphan the state behind it. */
  @Test
  void everyStoreAndInternalTopicIsNamedExplicitly() {
    TopologyDescription description = ActorStatsTopology.build(TOPICS, 1, Duration.ofDays(30), Clock.systemUTC(),
        new SimpleMeterRegistry()).describe();
    List<String> names = new ArrayList<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          names.addAll(p.stores());
        } else if (node instanceof TopologyDescription.Source s && s.topicSet() != null) {
          names.addAll(s.topicSet());
        } else if (node instanceof TopologyDescription.Sink s && s.topic() != null) {
          names.add(s.topic());
        }
      }
    }
    assertThat(names).contains(ActorStatsTopology.STATS_STORE, ContributionDiffer.STORE, "by-actor-repartition")
        .noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
  }

  @Test
  void figuresAddUpPerCountryAndRegionWhereTheyHappenedAndACorrectionMovesThem() {
    pipe(article("a1", "2024-12-10T00:00:00Z").names("north-korea", 2).names("ukraine", 1)
        .reportsAt(CasualtyType.KILLED, 12, "north-korea", null, null).reportsAt(CasualtyType.CAPTURED, 2, "north-korea", null, null)
        .build());
    pipe(article("a2", "2024-12-11T00:00:00Z").names("russia", 1).reportsAt(CasualtyType.KILLED, 40, "russia", null, null).build());

    ActorAccumulator kursk = store.get("place:russia.kursk");
    assertThat(kursk.articles).isEqualTo(2);
    assertThat(kursk.mentions).as("figures located there").isEqualTo(3);
    assertThat(kursk.affiliation).as("the country it lies in").isEqualTo("russia");
    assertThat(kursk.figures()).extracting(f -> f.type() + " " + f.reports() + " " + f.highest().value())
        .containsExactly("KILLED 2 40", "CAPTURED 1 2");
    assertThat(kursk.figures().get(0).highest().place().placeId()).isEqualTo("russia.kursk.sudzha");
    assertThat(store.get("place:russia").articles).isEqualTo(2);
    assertThat(stats.readKeyValuesToMap()).as("places are not actors on the stats topic").doesNotContainKeys("place:russia",
        "place:russia.kursk").containsKeys("north-korea", "russia");

    pipe(article("a1", "2024-12-10T00:00:00Z").version("h2").names("north-korea", 2).names("ukraine", 1)
        .reportsAt(CasualtyType.KILLED, 12, "north-korea", null, "ukraine").build());

    assertThat(store.get("place:russia.kursk").articles).isEqualTo(1);
    assertThat(store.get("place:russia.kursk").figures()).extracting(f -> f.type() + " " + f.reports()).containsExactly("KILLED 1");
    assertThat(store.get("place:ukraine").articles).isEqualTo(1);
    assertThat(store.reports("north-korea", CasualtyType.KILLED)).extracting(r -> r.figure().place().placeId())
        .containsExactly("ukraine");
  }

  @Test
  void theTimelineCountsAReportOnTheDayItsEventHappened() {
    pipe(article("a1", "2024-12-20T00:00:00Z").names("israel", 1)
        .reportsAt(CasualtyType.KILLED, 5, "israel", "2024-12-16", "israel").build());

    ActorAccumulator acc = store.get("israel");
    assertThat(acc.days.get("2024-12-20").articles).isEqualTo(1);
    assertThat(acc.days.get("2024-12-20").reports).isEmpty();
    assertThat(acc.days.get("2024-12-16").reports).containsEntry(CasualtyType.KILLED, 1L);

    pipe(article("a1", "2024-12-20T00:00:00Z").version("h2").names("israel", 1).build());
    assertThat(store.get("israel").days).as("the retracted report leaves its event day").containsOnlyKeys("2024-12-20");
  }

  @Test
  void reingestingAnArticleChangesNothing() {
    EnrichedArticle a = article("a1", "2024-12-01T00:00:00Z").names("north-korea", 3).names("russia", 1)
        .reports(CasualtyType.KILLED, 12, Qualifier.MORE_THAN, "north-korea").build();
    pipe(a);
    ActorStats once = latest("north-korea");
    pipe(a);
    pipe(article("a1", "2024-12-01T00:00:00Z").ingestedAt("2024-12-02T00:00:00Z").names("north-korea", 3).names("russia", 1)
        .reports(CasualtyType.KILLED, 12, Qualifier.MORE_THAN, "north-korea").build()); // the same article ingested again later

    assertThat(stats.isEmpty()).as("a repeat publishes no new statistics").isTrue();
    ActorStats stored = store.get("north-korea").toStats(ActorStatsTopology.TOP_CO_ACTORS);
    assertThat(stored.getArticles()).isEqualTo(1);
    assertThat(stored.getMentions()).isEqualTo(3);
    assertThat(figure(stored, CasualtyType.KILLED).getReports()).isEqualTo(1);
    assertThat(stored.getCoActors()).extracting(c -> c.getActorId() + "=" + c.getArticles()).containsExactly("russia=1");
    assertThat(stored).isEqualTo(once);
  }

  @Test
  void aCorrectionReplacesItsEarlierContributionIncludingARemovedActor() {
    pipe(article("a1", "2024-12-01T00:00:00Z").names("ukraine", 2).names("russia", 1)
        .reports(CasualtyType.KILLED, 12, Qualifier.EXACT, "russia").build());
    pipe(article("a1", "2024-12-01T00:00:00Z").version("h2").names("ukraine", 4)
        .reports(CasualtyType.KILLED, 14, Qualifier.EXACT, "ukraine").build());

    Map<String, ActorStats> out = stats.readKeyValuesToMap();
    assertThat(out).containsKey("russia");
    assertThat(out.get("russia")).as("russia is no longer named: tombstone").isNull();
    assertThat(ActorStatsTopology.present(store.get("russia"))).isFalse();
    ActorStats ukraine = out.get("ukraine");
    assertThat(ukraine.getArticles()).isEqualTo(1);
    assertThat(ukraine.getMentions()).isEqualTo(4);
    assertThat(ukraine.getCoActors()).isEmpty();
    assertThat(figure(ukraine, CasualtyType.KILLED).getLatest().getValue()).isEqualTo(14);
  }

  @Test
  void anActorListedTwiceInOneArticleCountsOnceAndIsRetractedOnce() {
    pipe(article("a1", "2024-12-01T00:00:00Z").names("sudan", 2).names("sudan", 2).names("chad", 1).build());
    Map<String, ActorStats> out = stats.readKeyValuesToMap();
    assertThat(out.get("sudan").getArticles()).isEqualTo(1);
    assertThat(out.get("chad").getCoActors()).extracting(c -> c.getActorId() + "=" + c.getArticles()).containsExactly("sudan=1");

    pipe(article("a1", "2024-12-01T00:00:00Z").version("h2").names("chad", 1).build());
    assertThat(ActorStatsTopology.present(store.get("sudan"))).isFalse();
  }

  @Test
  void aDeletedArticleIsRetracted() {
    pipe(article("a1", "2024-12-01T00:00:00Z").names("sudan", 1).build());
    pipe(article("a2", "2024-12-02T00:00:00Z").names("sudan", 1).build());
    enriched.pipeInput("a1", null);
    driver.advanceWallClockTime(EMIT_INTERVAL);

    assertThat(latest("sudan").getArticles()).isEqualTo(1);
  }

  @Test
  void repeatedFiguresAreReportsNotASum() {
    for (int i = 0; i < 10; i++) {
      pipe(article("copy-" + i, "2024-12-0" + (i % 9 + 1) + "T00:00:00Z").names("north-korea", 1)
          .reports(CasualtyType.KILLED_OR_WOUNDED, 3000, Qualifier.MORE_THAN, "north-korea").build());
    }

    CasualtyStats kow = figure(latest("north-korea"), CasualtyType.KILLED_OR_WOUNDED);
    assertThat(kow.getReports()).isEqualTo(10);
    assertThat(kow.getHighest().getValue()).isEqualTo(3000);
    assertThat(kow.getLatest().getValue()).isEqualTo(3000);
    assertThat(kow.getLatest().getQualifier()).isEqualTo(Qualifier.MORE_THAN);
  }

  @Test
  void latestIsByPublicationTimeAndHighestByValue() {
    pipe(article("day1", "2024-12-01T00:00:00Z").names("russia", 1).reports(CasualtyType.KILLED, 500, Qualifier.EXACT, "russia").build());
    pipe(article("day3", "2024-12-03T00:00:00Z").names("russia", 1).reports(CasualtyType.KILLED, 300, Qualifier.EXACT, "russia").build());
    pipe(article("day2", "2024-12-02T00:00:00Z").names("russia", 1).reports(CasualtyType.KILLED, 800, Qualifier.AT_LEAST, "russia").build());

    ActorStats russia = latest("russia");
    CasualtyStats killed = figure(russia, CasualtyType.KILLED);
    assertThat(killed.getLatest().getArticleId()).isEqualTo("day3");
    assertThat(killed.getLatest().getValue()).isEqualTo(300);
    assertThat(killed.getHighest().getArticleId()).isEqualTo("day2");
    assertThat(killed.getHighest().getValue()).isEqualTo(800);
    assertThat(russia.getFirstSeen()).isEqualTo(Instant.parse("2024-12-01T00:00:00Z"));
    assertThat(russia.getLastSeen()).isEqualTo(Instant.parse("2024-12-03T00:00:00Z"));
  }

  @Test
  void onlyFiguresReportedAsFactCount() {
    pipe(article("a1", "2024-12-01T00:00:00Z").names("iran", 1).supposes(CasualtyType.KILLED, 100000, "iran").build());

    assertThat(latest("iran").getCasualties()).isEmpty();
  }

  @Test
  void dailyTimelineTakesLateArticlesAndDropsThoseBeyondRetention() {
    pipe(article("d20", "2024-12-20T10:00:00Z").names("israel", 2).reports(CasualtyType.WOUNDED, 5, Qualifier.EXACT, "israel").build());
    pipe(article("d21", "2024-12-21T10:00:00Z").names("israel", 1).build());
    pipe(article("late", "2024-12-20T23:00:00Z").names("israel", 3).build()); // arrives after a newer day
    pipe(article("ancient", "2024-10-01T00:00:00Z").names("israel", 1).build()); // beyond the 30-day retention

    ActorAccumulator acc = store.get("israel");
    assertThat(acc.days).containsOnlyKeys("2024-12-20", "2024-12-21");
    assertThat(acc.days.get("2024-12-20").articles).isEqualTo(2);
    assertThat(acc.days.get("2024-12-20").mentions).isEqualTo(5);
    assertThat(acc.days.get("2024-12-20").reports).containsEntry(CasualtyType.WOUNDED, 1L);
    assertThat(acc.articles).as("totals still count every article").isEqualTo(4);
  }

  @Test
  void undecodableRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
    driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput("bad", "not avro".getBytes());
    pipe(article("a1", "2024-12-01T00:00:00Z").names("mali", 1).build());

    var dlq = driver.createOutputTopic(TOPICS.dlq(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    var letter = dlq.readRecord();
    assertThat(letter.key()).isEqualTo("bad");
    assertThat(new String(letter.value())).isEqualTo("not avro");
    assertThat(letter.headers().lastHeader("__streams.errors.exception")).isNotNull();
    assertThat(latest("mali").getArticles()).isEqualTo(1);
  }

  @Test
  void whatTheStoreWroteReadsBackAsTheAccumulatorInMemory() {
    pipe(article("a1", "2024-12-20T10:00:00Z").names("sudan", 2).names("chad", 1)
        .reports(CasualtyType.KILLED, 12, Qualifier.AT_LEAST, "sudan").reports(CasualtyType.DISPLACED, 3000, Qualifier.APPROXIMATE, "sudan").build());
    pipe(article("a2", "2024-12-21T10:00:00Z").names("sudan", 1).names("egypt", 1)
        .reports(CasualtyType.KILLED, 30, Qualifier.EXACT, "sudan").build());
    pipe(article("a1", "2024-12-20T10:00:00Z").version("h2").names("sudan", 3).names("libya", 1)
        .reports(CasualtyType.KILLED, 15, Qualifier.EXACT, "sudan").build()); // chad and DISPLACED retracted

    ActorAccumulator inMemory = store.current("sudan");
    ActorAccumulator stored = store.get("sudan");
    assertThat(stored.toStats(ActorStatsTopology.TOP_CO_ACTORS)).isEqualTo(inMemory.toStats(ActorStatsTopology.TOP_CO_ACTORS));
    assertThat(stored.coActors.top(100)).containsExactly(new CoActorCounts.Entry("egypt", "EGYPT", 1),
        new CoActorCounts.Entry("libya", "LIBYA", 1));
    assertThat(stored.days.keySet()).containsExactlyInAnyOrder("2024-12-20", "2024-12-21");
    assertThat(stored.casualties).containsOnlyKeys(CasualtyType.KILLED);
    assertThat(store.get("chad")).as("an actor no article names is deleted").isNull();
    assertThat(store.allTotals()).extracting(a -> a.actorId).containsExactlyInAnyOrder("sudan", "egypt", "libya");
  }

  /** The point of the layout: an update writes what it changed, not what the actor accumulated. */
  @Test
  void anUpdateOfABusyActorWritesAFewSmallRecords() {
    for (int i = 0; i < 50; i++) {
      pipe(article("a" + i, "2024-12-20T10:00:00Z").names("hub", 1).names("spoke-" + i, 1).build());
    }
    var changelog = driver.createOutputTopic("topology-test-" + ActorStatsTopology.STATS_STORE + "-changelog",
        Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    changelog.readRecordsToList();

    pipe(article("one-more", "2024-12-20T11:00:00Z").names("hub", 1).names("spoke-0", 1).build());

    var written = changelog.readRecordsToList();
    assertThat(written).extracting(r -> r.key().replace('\u0000', '/')).containsExactlyInAnyOrder(
        "t/hub", "e/hub/49", "d/hub/2024-12-20", "t/spoke-0", "e/spoke-0/00", "d/spoke-0/2024-12-20");
    assertThat(written).allMatch(r -> r.value().length < 600, "each record is small");
    assertThat(store.get("hub").coActors.size()).isEqualTo(50);
  }

  /** Co-actors lie in the store as snapshots and change records; whichever a commit wrote, they read back exactly. */
  @Test
  void coActorCountsReadBackExactlyAcrossSnapshotsAndChangeRecords() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 300; i++) {
      var article = article("a" + (i % 120), "2024-12-20T10:00:00Z").version("v" + i).names("hub", 1);
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        article.names("spoke-" + random.nextInt(40), 1);
      }
      pipe(article.build()); // a third of them correct an earlier article: co-actors come and go
      if (i % 37 == 0) {
        assertThat(store.get("hub").coActors.top(1000)).isEqualTo(store.current("hub").coActors.top(1000));
      }
    }
    ActorAccumulator stored = store.get("hub");
    assertThat(stored.coActors.top(1000)).isEqualTo(store.current("hub").coActors.top(1000));
    assertThat(stored.coActors.size()).isEqualTo(store.current("hub").coActors.size());
    assertThat(stored.coActors.top(1)).extracting(CoActorCounts.Entry::name).allMatch(n -> n.startsWith("SPOKE-"));
  }

  /** What each side says about the same losses: the latest figure per claimant, kept through corrections. */
  @Test
  void eachClaimantsLatestFigureStandsBesideTheOthers() {
    pipe(article("k1", "2024-12-01T10:00:00Z").names("russia", 1).names("ukraine", 1)
        .claims("ukraine", CasualtyType.KILLED, 1500, "russia").build());
    pipe(article("k2", "2024-12-02T10:00:00Z").names("russia", 1).claims("russia", CasualtyType.KILLED, 200, "russia").build());
    pipe(article("k3", "2024-12-03T10:00:00Z").names("russia", 1).names("ukraine", 1)
        .claims("ukraine", CasualtyType.KILLED, 1700, "russia").build());
    pipe(article("k4", "2024-12-04T10:00:00Z").names("russia", 1).reports(CasualtyType.KILLED, 900, Qualifier.EXACT, "russia").build());
    pipe(article("k3", "2024-12-03T10:00:00Z").version("h2").names("russia", 1).build()); // corrected: no figure any more

    ActorAccumulator.TypeSummary killed = store.get("russia").figures().get(0);
    assertThat(killed.latestByClaimant()).extracting(Figure::claimedBy, Figure::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 900L), org.assertj.core.groups.Tuple.tuple("russia", 200L),
            org.assertj.core.groups.Tuple.tuple("ukraine", 1500L));
    assertThat(killed.latest().value()).isEqualTo(900);
    assertThat(store.reports("russia", CasualtyType.KILLED)).as("the history: the corrected report is gone")
        .extracting(r -> r.figure().articleId()).containsExactly("k1", "k2", "k4");
    assertThat(store.reports("russia", null)).hasSize(3);
  }

  /** How many outlets carried a type of figure about an actor: exact through retractions; an article without a url has no outlet. */
  @Test
  void distinctOutletsPerTypeCountEachOutletOnce() {
    pipe(article("o1", "2024-12-01T10:00:00Z").url("https://www.wire.example/a").names("mali", 1)
        .reports(CasualtyType.KILLED, 10, Qualifier.EXACT, "mali").build());
    pipe(article("o2", "2024-12-01T11:00:00Z").url("https://wire.example/b").names("mali", 1)
        .reports(CasualtyType.KILLED, 11, Qualifier.EXACT, "mali").build());
    pipe(article("o3", "2024-12-01T12:00:00Z").url("https://paper.example/c").names("mali", 1)
        .reports(CasualtyType.KILLED, 12, Qualifier.EXACT, "mali").build());
    pipe(article("o4", "2024-12-01T13:00:00Z").names("mali", 1).reports(CasualtyType.KILLED, 13, Qualifier.EXACT, "mali").build());
    assertThat(store.get("mali").figures().get(0).outlets()).isEqualTo(2);

    pipe(article("o3", "2024-12-01T12:00:00Z").version("h2").url("https://paper.example/c").names("mali", 1).build());
    assertThat(store.get("mali").figures().get(0).outlets()).as("paper.example no longer reports it").isEqualTo(1);
    assertThat(store.get("mali").figures().get(0).reports()).isEqualTo(3);
  }
}
