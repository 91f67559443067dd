package io.newsflow.aggregate.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoActorCountsTest {

  @Test
  void countsRankByArticlesThenId() {
    CoActorCounts counts = new CoActorCounts();
    counts.add("ukraine", "Ukraine");
    counts.add("nato", "NATO");
    counts.add("ukraine", "Ukraine");
    counts.add("belarus", "Belarus");

    assertThat(counts.top(2)).containsExactly(new CoActorCounts.Entry("ukraine", "Ukraine", 2),
        new CoActorCounts.Entry("belarus", "Belarus", 1));
  }

  @Test
  void removingTheLastArticleDropsTheCoActor() {
    CoActorCounts counts = new CoActorCounts();
    counts.add("nato", "NATO");
    counts.add("un", "UN");
    counts.add("un", "UN");

    counts.remove("un");
    counts.remove("nato");
    counts.remove("never-added");

    assertThat(counts.top(10)).containsExactly(new CoActorCounts.Entry("un", "UN", 1));
    assertThat(counts.size()).isEqualTo(1);
  }
}
