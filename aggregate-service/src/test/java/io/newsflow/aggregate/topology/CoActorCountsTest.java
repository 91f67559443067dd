package io.newsflow.aggregate.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoActorCountsTest {

  @Test
  void countsRankByArticlesThenId() {
    CoActorCounts counts = new CoActorCounts();
    counts.countWith(named("ukraine", "nato"), "russia", 1);
    counts.countWith(named("ukraine", "belarus"), "russia", 1);

    assertThat(counts.top(2)).containsExactly(new CoActorCounts.Entry("ukraine", "Ukraine", 2),
        new CoActorCounts.Entry("belarus", "Belarus", 1));
  }

  @Test
  void removingTheLastArticleDropsTheCoActor() {
    CoActorCounts counts = new CoActorCounts();
    counts.countWith(named("nato", "un"), "russia", 1);
    counts.countWith(named("un"), "russia", 1);

    counts.countWith(named("un", "nato"), "russia", -1);
    counts.countWith(named("never-added"), "russia", -1);

    assertThat(counts.top(10)).containsExactly(new CoActorCounts.Entry("un", "Un", 1));
    assertThat(counts.size()).isEqualTo(1);
  }

  /** The actor itself and others an article names (names: the id capitalised). */
  private static java.util.List<NamedActor> named(String... others) {
    java.util.List<NamedActor> named = new java.util.ArrayList<>(java.util.List.of(new NamedActor("russia", "Russia")));
    for (String id : others) {
      named.add(new NamedActor(id, Character.toUpperCase(id.charAt(0)) + id.substring(1)));
    }
    return named;
  }
}
