package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.ActorType;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final Gazetteer gazetteer = Gazetteer.standard();

  @Test
  void coversEveryStateAndTheActorsOfCurrentConflicts() {
    Map<ActorType, Long> byType = gazetteer.actors().stream()
        .collect(Collectors.groupingBy(ActorEntry::type, Collectors.counting()));
    assertThat(gazetteer.actors()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(byType.get(ActorType.COUNTRY)).isEqualTo(197L); // 193 UN members, Taiwan, Kosovo, Palestine, Holy See
    assertThat(byType.get(ActorType.ARMED_GROUP)).isGreaterThanOrEqualTo(40L);
    assertThat(byType.get(ActorType.ORGANIZATION)).isGreaterThanOrEqualTo(25L);
    assertThat(byType.get(ActorType.PERSON)).isGreaterThanOrEqualTo(80L);
    assertThat(gazetteer.actor("kim-jong-un").affiliation()).isEqualTo("north-korea");
    assertThat(gazetteer.actor("taiwan").type()).isEqualTo(ActorType.COUNTRY);
  }

  @Test
  void idsAreSlugs() {
    assertThat(gazetteer.actors()).allSatisfy(a -> assertThat(a.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void compiledAutomatonFitsTheMemoryBudget() {
    assertThat(gazetteer.automaton().tableBytes()).isLessThan(50L * 1024 * 1024);
  }
}
