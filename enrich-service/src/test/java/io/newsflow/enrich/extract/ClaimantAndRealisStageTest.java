package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Realis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stages 6 and 7: who reports a figure, and whether as fact. */
class ClaimantAndRealisStageTest {

  @ParameterizedTest(name = "{2}: {0}")
  @CsvSource(delimiter = '|', value = {
      "At least 20 people died, according to Ukraine's emergency service.     | ukraine | according-to",
      "Russia said 300 soldiers were killed.                                  | russia  | source-said",
      "Twelve people were wounded, said Israel's military.                   | israel  | said-source",
      "Reports from Kyiv said 40 soldiers were captured.                      | ukraine | report-from",
  })
  void namesTheSource(String text, String claimant, String rule) {
    StageFixture.Explained found = StageFixture.figures(text).get(0);
    assertThat(found.figure().getClaimedBy()).isEqualTo(claimant);
    assertThat(found.why().claimant()).isEqualTo(rule);
  }

  @Test
  void aPlaceInACompoundIsNoSource() {
    CasualtyFigure figure = StageFixture.figures("The toll is 35, according to the Britain-based monitor.").get(0).figure();
    assertThat(figure.getClaimedBy()).isNull();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "Moscow denied that 300 soldiers were killed.                                      | CLAIMED_DENIED",
      "The militia said 20 fighters were killed, a claim the army rejected.               | ACTUAL",
      "A strike on the dam could kill thousands of people.                                | HYPOTHETICAL",
      "She does not know whether her four sons are alive or among the dead.               | HYPOTHETICAL",
      "Officials said 300 soldiers were killed.                                          | ACTUAL",
      "A spokesman dismissed the figures and said its fighters had killed 40 soldiers.   | ACTUAL",
      "The ministry rejected claims that 20 soldiers died.                               | CLAIMED_DENIED",
  })
  void tellsReportsFromDenialsAndSuppositions(String text, Realis realis) {
    assertThat(StageFixture.figures(text).get(0).figure().getRealis()).isEqualTo(realis);
  }
}
