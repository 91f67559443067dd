package io.newsflow.aggregate.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Qualifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class InternalFormatsTest {

  private static final Figure KILLED = new Figure(12, Qualifier.MORE_THAN, null, null, "ukraine", "a1",
      Instant.parse("2026-11-30T08:00:00Z"), "More than a dozen soldiers were killed.", "https://www.example.org/x", "example.org",
      LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-29"),
      new Place("russia.kursk.sudzha", "Sudzha", "russia", "Russia", "russia.kursk", "Kursk Oblast", 51.19, 35.27));
  private static final Figure RANGE = new Figure(40, null, 30L, 50L, null, "a2", Instant.parse("2026-11-29T08:00:00Z"),
      "Between 30 and 50 people died.", null, null, null, null, new Place("sudan", "Sudan", "sudan", "Sudan", null, null, null, null));

  @Test
  void anArticleChangeReadsBackEqualWithNullsRangesAndRetractions() {
    List<NamedActor> before = List.of(new NamedActor("russia", "Russia"), new NamedActor("ukraine", null));
    List<NamedActor> after = List.of(new NamedActor("north-korea", "North Korea"), new NamedActor("russia", "Russia"));
    ActorContribution then = contribution("russia", Map.of(CasualtyType.KILLED, KILLED));
    ActorContribution now = contribution("russia", Map.of(CasualtyType.KILLED, RANGE, CasualtyType.CAPTURED, KILLED));
    ArticleChange change = new ArticleChange(before, after, List.of(new ContributionChange(then, now),
        new ContributionChange(contribution("ukraine", Map.of()), null), new ContributionChange(null, contribution("north-korea", Map.of()))));

    ArticleChange read = InternalFormats.ARTICLE_CHANGE.read(InternalFormats.ARTICLE_CHANGE.write(change));

    assertThat(read).isEqualTo(change);
  }

  @Test
  void aPlacesContributionIsWrittenByItsKey() {
    List<NamedActor> named = List.of(new NamedActor("russia", "Russia"));
    ActorContribution place = new ActorContribution("place:russia.kursk", "Kursk Oblast", null, "russia", "a1", 1L, 2L, 1,
        new TreeMap<>(Map.of(CasualtyType.KILLED, KILLED)));
    ArticleChange change = new ArticleChange(List.of(), named, List.of(new ContributionChange(null, place),
        new ContributionChange(null, contribution("russia", Map.of()))));

    assertThat(InternalFormats.ARTICLE_CHANGE.read(InternalFormats.ARTICLE_CHANGE.write(change))).isEqualTo(change);
  }

  @Test
  void aContributionWhoseActorTheArticleDoesNotNameIsRefused() {
    ArticleChange change = new ArticleChange(List.of(), List.of(new NamedActor("russia", "Russia")),
        List.of(new ContributionChange(null, contribution("ukraine", Map.of()))));

    assertThatThrownBy(() -> InternalFormats.ARTICLE_CHANGE.write(change)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("ArticleChange").hasRootCauseMessage("actor ukraine is not among the article's named actors");
    assertThat(InternalFormats.FIGURE.read(InternalFormats.FIGURE.write(KILLED))).as("nothing of the refused one in the next")
        .isEqualTo(KILLED);
  }

  @Test
  void typeStatsKeepEachFigureOnceAndShareItAmongItsLists() {
    ActorAccumulator.TypeStats s = new ActorAccumulator.TypeStats();
    s.reports = 2;
    s.latest = List.of(KILLED, RANGE);
    s.highest = List.of(RANGE, KILLED);
    s.latestByClaimant.put("ukraine", List.of(KILLED));
    s.latestByClaimant.put(ActorAccumulator.NO_CLAIMANT, List.of(RANGE));
    s.reportsByOutlet.put("example.org", 1L);

    byte[] bytes = InternalFormats.TYPE_STATS.write(s);
    ActorAccumulator.TypeStats read = InternalFormats.TYPE_STATS.read(bytes);

    assertThat(read.reports).isEqualTo(2);
    assertThat(read.latest).containsExactly(KILLED, RANGE);
    assertThat(read.highest).containsExactly(RANGE, KILLED);
    assertThat(read.latestByClaimant).containsOnlyKeys("ukraine", "").containsEntry("ukraine", List.of(KILLED));
    assertThat(read.reportsByOutlet).containsExactlyEntriesOf(Map.of("example.org", 1L));
    assertThat(read.highest.get(1)).isSameAs(read.latest.get(0));
    int once = InternalFormats.FIGURE.write(KILLED).length + InternalFormats.FIGURE.write(RANGE).length;
    assertThat(bytes.length).as("each figure written once, not once per list (3 each)").isLessThan(2 * once);
  }

  @Test
  void totalsDaysAndCoActorsReadBack() {
    var totals = new ActorStateLayout.Totals("russia", "Russia", ActorType.COUNTRY, null, 3, 7, 99,
        List.of(new ActorAccumulator.Seen(1, "a1")), List.of(new ActorAccumulator.Seen(5, "a3"), new ActorAccumulator.Seen(4, "a2")),
        "2026-11-01");
    assertThat(InternalFormats.TOTALS.read(InternalFormats.TOTALS.write(totals))).isEqualTo(totals);

    ActorAccumulator.DayCounts day = new ActorAccumulator.DayCounts();
    day.articles = 2;
    day.mentions = 5;
    day.reports.put(CasualtyType.WOUNDED, 1L);
    ActorAccumulator.DayCounts readDay = InternalFormats.DAY_COUNTS.read(InternalFormats.DAY_COUNTS.write(day));
    assertThat(readDay.articles).isEqualTo(2);
    assertThat(readDay.mentions).isEqualTo(5);
    assertThat(readDay.reports).containsExactlyEntriesOf(Map.of(CasualtyType.WOUNDED, 1L));

    var co = new ActorStateLayout.CoActorRecord(4, List.of("ukraine", "nato"), new long[] {3, 0});
    var readCo = InternalFormats.CO_ACTORS.read(InternalFormats.CO_ACTORS.write(co));
    assertThat(readCo.generation()).isEqualTo(4);
    assertThat(readCo.ids()).containsExactly("ukraine", "nato");
    assertThat(readCo.counts()).containsExactly(3, 0);
  }

  @Test
  void aRecordOfAnotherLayoutVersionIsRefusedByName() {
    byte[] bytes = InternalFormats.FIGURE.write(KILLED);
    bytes[0] = (byte) (BinaryFormat.VERSION + 1);

    assertThatThrownBy(() -> InternalFormats.FIGURE.read(bytes)).isInstanceOf(SerializationException.class)
        .hasMessage("cannot read Figure: layout version " + (BinaryFormat.VERSION + 1) + ", this build reads " + BinaryFormat.VERSION);
    assertThatThrownBy(() -> InternalFormats.FIGURE.read(new byte[] {BinaryFormat.VERSION, 2}))
        .isInstanceOf(SerializationException.class).hasMessageStartingWith("cannot read Figure (2 bytes)");
  }

  private static ActorContribution contribution(String actor, Map<CasualtyType, Figure> figures) {
    return new ActorContribution(actor, actor.toUpperCase(), ActorType.COUNTRY, actor.equals("russia") ? "RU" : null, "a1",
        1_000L, 2_000L, 3, new TreeMap<>(figures));
  }
}
