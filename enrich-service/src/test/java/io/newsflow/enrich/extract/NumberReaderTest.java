package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Qualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stage 1's number forms as agency copy writes them. */
class NumberReaderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The shelling killed four-thousand-300 people.          | 4300   | EXACT",
      "About 20-thousand residents have fled the district.     | 20000  | APPROXIMATE",
      "Half a million people were displaced by the floods.     | 500000 | EXACT",
      "The raids killed at least more than 700 fighters.       | 700    | MORE_THAN",
      "Two hundred and fifty prisoners were freed.             | 250    | EXACT",
      "Nearly 90 migrants drowned or died off the coast.       | 90     | APPROXIMATE",
  })
  void readsTheAmount(String text, long value, Qualifier qualifier) {
    CasualtyFigure figure = StageFixture.figures(text).get(0).figure();
    assertThat(figure.getValue()).isEqualTo(value);
    assertThat(figure.getQualifier()).isEqualTo(qualifier);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "As many as 12,000-15,000 people may have died.    | 12000 | 15000",
      "Between 40 and 55 soldiers were captured.          | 40    | 55",
  })
  void readsRanges(String text, long min, long max) {
    CasualtyFigure figure = StageFixture.figures(text).get(0).figure();
    assertThat(figure.getQualifier()).isEqualTo(Qualifier.RANGE);
    assertThat(figure.getValueMin()).isEqualTo(min);
    assertThat(figure.getValueMax()).isEqualTo(max);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "A reservist, 34, was killed near the border.",
      "The market blast in 2019 killed nobody.",
      "The convoy drove 40 kilometres before the ambush.",
  })
  void amountsThatCountNoPeopleAreNoFigures(String text) {
    assertThat(StageFixture.figures(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aChangeFromOneTollToAnotherIsTwoFiguresNotARange() {
    assertThat(StageFixture.figures("The toll from the landslide rose from 120 to 131 on Friday."))
        .extracting(e -> e.figure().getValue()).containsExactly(120L, 131L);
  }
}
