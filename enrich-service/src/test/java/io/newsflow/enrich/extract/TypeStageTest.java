package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.extract.StageFixture.Explained;
import io.newsflow.schema.CasualtyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stage 4: which type wins when a sentence gives two. */
class TypeStageTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Marines captured three wounded Iranian soldiers.                  | 3  | CAPTURED          | verb-over-adjective",
      "The blast killed two captured pilots.                             | 2  | KILLED            | verb-over-adjective",
      "Forty soldiers stationed near Minsk were killed in the blast.     | 40 | KILLED            |",
      "The shelling killed or wounded at least 40 soldiers.              | 40 | KILLED_OR_WOUNDED |",
      "Militants said 4 Israeli hostages had been killed in the strike.    | 4  | KILLED            | verb-over-captive-noun",
      "Russia had lost 1,120 troops killed or wounded that day.          | 1120 | KILLED_OR_WOUNDED | cue-after-loss",
      "At least 25 guards were killed or badly hurt.                    | 25 | KILLED_OR_WOUNDED | killed-or-wounded",
  })
  void theGoverningCueWins(String text, long value, CasualtyType type, String rule) {
    Explained found = StageFixture.figure(text, value);
    assertThat(found.figure().getType()).isEqualTo(type);
    assertThat(found.why().type()).isEqualTo(rule);
  }

  @org.junit.jupiter.api.Test
  void anAsideDoesNotLendItsVerb() {
    assertThat(StageFixture.figure("Some 200 people, mostly women displaced by the war, were kidnapped.", 200)
        .figure().getType()).isEqualTo(CasualtyType.CAPTURED);
  }
}
