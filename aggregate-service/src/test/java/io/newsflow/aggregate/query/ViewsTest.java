package io.newsflow.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.topology.ActorAccumulator;
import io.newsflow.aggregate.topology.ActorContribution;
import io.newsflow.schema.ActorType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {

  private static ActorContribution seen(String article, String day) {
    return new ActorContribution("chad", "Chad", ActorType.COUNTRY, null, article,
        Instant.parse(day + "T10:00:00Z").toEpochMilli(), 0, 1, Map.of());
  }

  @Test
  void timelineIsInDayOrderWhateverTheArrivalOrder() {
    ActorAccumulator stored = new ActorAccumulator();
    stored.add(seen("d20", "2024-12-20"), List.of(), 0, 0).add(seen("d18", "2024-12-18"), List.of(), 0, 0)
        .add(seen("d19", "2024-12-19"), List.of(), 0, 0);

    assertThat(Views.timeline(stored, null, null)).extracting(Views.DayView::day)
        .containsExactly("2024-12-18", "2024-12-19", "2024-12-20");
    assertThat(Views.timeline(stored, "2024-12-19", null)).extracting(Views.DayView::day)
        .containsExactly("2024-12-19", "2024-12-20");
  }
}
