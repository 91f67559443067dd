package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.extract.StageFixture.Explained;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stage 5: each owner rule on a passage of its own, and the rule the figure names. */
class OwnerStageTest {

  @ParameterizedTest(name = "{3}: {0}")
  @CsvSource(delimiter = '|', value = {
      "The fighting left 300 civilians and soldiers dead.                                      | 300  |               | pooled",
      "Dozens of Wagner mercenaries and Malian soldiers were killed.                           | 12   |               | pooled",
      "Doctors treated 1,500 injured Eritrean soldiers.                                         | 1500 | eritrea       | noun-phrase",
      "Israeli strikes killed 17 Hamas fighters overnight.                                      | 17   | hamas         | noun-phrase",
      "Strikes killed 40 fighters from Hezbollah.                                               | 40   | hezbollah     | group-after-head",
      "Hamas freed 18 hostages, among them seven people from Nepal.                            | 7    | nepal         | group-after-head",
      "The freed Israeli hostages included eight women.                                         | 8    | israel        | part-of",
      "Kyiv brought home 189 former captives.                                                   | 189  | ukraine       | own-loss",
      "Russia has suffered 700,000 casualties, the ministry said.                               | 700000 | russia      | own-loss",
      "Thirty Ukrainian soldiers were killed and 40 were wounded.                               | 40   | ukraine       | earlier-figure",
      "Al-Shabaab fighters stormed the base before dawn. Five of the assailants were killed.    | 5    | al-shabaab    | attacker",
      "Ukraine's army said 14 of its soldiers died near Bakhmut.                                | 14   | ukraine       | possessive",
      "Hezbollah said Israeli strikes killed three of its fighters.                              | 3    | hezbollah     | possessive",
      "BEIRUT (Reuters) - Hezbollah acknowledged the deaths of 26 of its fighters.              | 26   | hezbollah     | possessive",
      "Sudan's army said it killed 150 fighters loyal to the RSF.                               | 150  | rsf           | group-after-head",
      "The PKK named its dead. It announced the deaths of nine of its members.                  | 9    | pkk           | possessive",
      "An Israeli soldier was killed and 6 were wounded, the military said.                     | 6    | israel        | earlier-figure",
      "Cameroon has 1,500 troops in the Lake Chad region.                                       | 1500 | cameroon      | sender",
      "North Korea sent 11,000 soldiers to Kursk. Kyiv says 3,000 of these soldiers were killed. | 3000 | north-korea   | back-reference",
      "A UN report said Burundi has 10,000 soldiers deployed in Congo and dozens of them died.  | 12   | burundi       | back-reference",
      "Nigeria's army said Boko Haram insurgents killed 11 soldiers in Borno.                   | 11   | nigeria       | host-state",
      "It put the Malian army death toll at 85.                                                 | 85   | mali          | toll-owner",
      "North Korea has been sending thousands of soldiers to the front.                         | 1000 | north-korea   | sender",
      "The Niger defence ministry said 15 soldiers were killed near the border.                 | 15   | niger         | reporting-state",
      "The IDF said two soldiers were killed in southern Gaza.                                  | 2    | israel        | reporting-state",
      "Gunmen raided a Malian army post at dawn. Twelve soldiers were killed.                   | 12   | mali          | host-state",
      "Clashes with JNIM hit two Malian army bases. The jihadists kidnapped two soldiers.       | 2    | mali          | host-state",
  })
  void findsWhosePeople(String text, long value, String owner, String rule) {
    Explained found = StageFixture.figure(text, value);
    assertThat(found.figure().getActor()).isEqualTo(owner);
    assertThat(found.why().owner()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Israeli strikes killed 51 people in Lebanon.",
      "Two peacekeepers were injured near the watchtower.",
      "Three peacekeepers from the UN mission in South Sudan were wounded.",
      "Officials said 25 fighters from both sides were wounded.",
      "Gunmen raided a base in Borno state. Seven soldiers were killed.",
      "Ukrainian forces killed 12 soldiers near Kursk, the Ukrainian army said.",
  })
  void noOwnerWhereTheTextGivesNone(String text) {
    assertThat(StageFixture.figures(text)).allSatisfy(e -> assertThat(e.figure().getActor()).isNull());
  }
}
