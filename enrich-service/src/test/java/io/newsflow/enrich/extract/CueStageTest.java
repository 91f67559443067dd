package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.extract.StageFixture.Explained;
import io.newsflow.schema.CasualtyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stage 3: each cue rule on a sentence of its own, and the rule the figure names. */
class CueStageTest {

  @ParameterizedTest(name = "{3}: {0}")
  @CsvSource(delimiter = '|', value = {
      "Shelling killed 40 people in the market, including 9 children.              | 9    | KILLED    | sub-count",
      "Seven guards died in the raid. Two were officers.                            | 2    | KILLED    | sub-count",
      "Medics said 60 villagers died. Among the dead were four nurses.              | 4    | KILLED    | sub-count",
      "The strike caused the deaths of 64 Kurdish fighters.                         | 64   | KILLED    | nominal",
      "Rescuers recovered the bodies of three hostages.                             | 3    | KILLED    | nominal",
      "The army announced the abduction of 12 students.                             | 12   | CAPTURED  | nominal",
      "Doctors counted 12 dead at the clinic.                                       | 12   | KILLED    | on-noun",
      "Gunmen killed all 17 passengers on the bus.                                  | 17   | KILLED    | verb-before",
      "Moscow sent a further 1,200 soldiers to the front.                           | 1200 | DEPLOYED  | verb-before",
      "Some 150 villagers, most of them farmers, were abducted overnight.            | 150  | CAPTURED  | verb-after",
      "Nine fishermen remain in captivity.                                          | 9    | CAPTURED  | verb-after",
      "Ten members of al-Shabaab were killed in the raid.                           | 10   | KILLED    | verb-after",
      "Kyiv says 1,358 of its servicemen have been returned in exchanges.           | 1358 | CAPTURED  | verb-after",
      "Raiders kidnapped nine pupils and two teachers from the school.              | 2    | CAPTURED  | coordinated",
      "Officials said 90 people died in the fire, 30 of them children.              | 30   | KILLED    | part-of-them",
      "The toll from a week of clashes in the northern hills has climbed to 212.    | 212  | KILLED    | toll",
      "The number of wounded stands at about 900.                                   | 900  | WOUNDED   | toll",
      "The number of civilians killed since the siege began has passed 3,000.        | 3000 | KILLED    | toll",
      "The ministry put its own dead at 3,825.                                      | 3825 | KILLED    | toll",
      "Kyiv said 300 Russian soldiers died. Russian losses have passed 9,000.        | 9000 | KILLED    | toll",
      "Russian losses in killed and wounded have passed 950,000.                    | 950000 | KILLED_OR_WOUNDED | toll",
      "Cameroon has 1,500 troops in the Lake Chad region.                           | 1500 | DEPLOYED  | presence",
      "Local medics said 9 civilians, one of them a nurse, died in crossfire.        | 9    | KILLED    | verb-after",
      "The army said one of its soldiers had been killed.                           | 1    | KILLED    | verb-after",
      "Forty attackers died. Of them, 16 were SDF members.                          | 16   | KILLED    | sub-count",
      "Pirates freed 23 sailors. Among the freed seafarers were 11 Indian nationals.  | 11   | CAPTURED  | sub-count",
      "Rebels overran the garrison, killing the commander and 27 soldiers.          | 27   | KILLED    | coordinated",
      "The army captured 70 fighters, and 15 of these fighters were foreigners.      | 15   | CAPTURED  | part-of-them",
      "The freed hostages included 13 Israelis and four Thai workers.               | 13   | CAPTURED  | list-item",
      "Floods killed 31 people in Sindh, 12 in Punjab and 4 in western Balochistan. | 4    | KILLED    | elliptic",
  })
  void findsTheCue(String text, long value, CasualtyType type, String rule) {
    Explained found = StageFixture.figure(text, value);
    assertThat(found.figure().getType()).isEqualTo(type);
    assertThat(found.why().cue()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Ten people were rescued, including eight crew members.",
      "The delegation included 12 officials from the ministry.",
      "Since March, a total of 50 incidents have been recorded.",
  })
  void noCueNoFigure(String text) {
    assertThat(StageFixture.figures(text)).isEmpty();
  }
}
