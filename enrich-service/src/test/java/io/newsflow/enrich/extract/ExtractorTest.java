package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules a reader relies on, one sentence each. */
class ExtractorTest {

  private final Extractor extractor = new Extractor();

  private List<String> actorIds(String text) {
    return extractor.extract(text).actors().stream().map(Actor::getId).toList();
  }

  private CasualtyFigure onlyFigure(String text) {
    List<CasualtyFigure> figures = extractor.extract(text).casualties();
    assertThat(figures).as("figures in: %s", text).hasSize(1);
    return figures.get(0);
  }

  @Test
  void acronymsNeedTheirCapitals() {
    assertThat(actorIds("Let us go. The US and the UN disagree.")).containsExactly("united-states", "united-nations");
    assertThat(actorIds("Turkey hosted the talks; turkey sandwiches were served.")).containsExactly("turkey");
  }

  @Test
  void longestMatchWins() {
    assertThat(actorIds("North Korean troops and South Sudan's army")).containsExactly("north-korea", "south-sudan");
    assertThat(actorIds("The Sudanese Armed Forces retook Khartoum.")).containsExactly("sudanese-armed-forces", "sudan");
  }

  @Test
  void phrasesThatOnlyLookLikeActorsAreNotActors() {
    assertThat(actorIds("Latin America and the South China Sea")).isEmpty();
  }

  @Test
  void aSurnameNamesThePersonUnlessTheTextIntroducesSomeoneElse() {
    assertThat(actorIds("Putin spoke for an hour.")).containsExactly("vladimir-putin");
    assertThat(actorIds("Putin, a baker from Omsk, said bread prices rose. Putin said so twice.")).isEmpty();
  }

  @Test
  void aShortFormNeedsTheFullNameFirst() {
    assertThat(actorIds("Kim said the harvest was poor.")).isEmpty();
    assertThat(actorIds("Kim Yo Jong warned Seoul. Kim said drills must stop.")).containsExactly("kim-yo-jong", "south-korea");
    Actor kim = extractor.extract("Kim Yo Jong warned Seoul. Kim said drills must stop.").actors().get(0);
    assertThat(kim.getMentions()).isEqualTo(2);
  }

  @Test
  void accentsHyphensAndCurlyApostrophesFold() {
    assertThat(actorIds("Côte d’Ivoire and Türkiye met Kim Jong-Un.")).containsExactly("cote-divoire", "turkey", "kim-jong-un");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Forty-two people were killed.                     | KILLED            | 42      | EXACT",
      "1.5 million people were displaced.                | DISPLACED         | 1500000 | EXACT",
      "The raid killed 3k fighters.                      | KILLED            | 3000    | EXACT",
      "Two hundred thousand people fled.                 | DISPLACED         | 200000  | EXACT",
      "Several hundred soldiers were captured.           | CAPTURED          | 100     | MORE_THAN",
      "Just over 70 civilians were wounded.              | WOUNDED           | 70      | MORE_THAN",
      "Fewer than 30 soldiers were killed.               | KILLED            | 30      | LESS_THAN",
      "Upwards of 900 people remain missing.             | MISSING           | 900     | MORE_THAN",
      "Close to 50 casualties were reported.             | KILLED_OR_WOUNDED | 50      | APPROXIMATE",
      "The strike killed 20-25 people.                   | KILLED            | 20      | RANGE",
  })
  void readsNumberForms(String text, CasualtyType type, long value, Qualifier qualifier) {
    CasualtyFigure figure = onlyFigure(text);
    assertThat(figure.getType()).isEqualTo(type);
    assertThat(figure.getValue()).isEqualTo(value);
    assertThat(figure.getQualifier()).isEqualTo(qualifier);
  }

  @Test
  void rangesCarryBothEnds() {
    CasualtyFigure figure = onlyFigure("Between 20 and 30 militants were killed.");
    assertThat(figure.getValueMin()).isEqualTo(20L);
    assertThat(figure.getValueMax()).isEqualTo(30L);
  }

  @Test
  void hypotheticalsAndDenialsAreMarked() {
    assertThat(onlyFigure("A nuclear strike could kill thousands of people.").getRealis()).isEqualTo(Realis.HYPOTHETICAL);
    assertThat(onlyFigure("Moscow denied that 300 soldiers were killed.").getRealis()).isEqualTo(Realis.CLAIMED_DENIED);
    assertThat(onlyFigure("Officials said 300 soldiers were killed.").getRealis()).isEqualTo(Realis.ACTUAL);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The war began in February 2022.",
      "A 22-year-old soldier was killed.",
      "The US sent $61 billion to Ukraine.",
      "Support for the war fell to 40 percent.",
      "The column advanced 12 kilometres.",
      "He killed it with 3 goals in the final.",
      "One of the prisoners asked to stay.",
      "No one was hurt in the blast.",
      "Russia lost 5 of its 12 jets.",
  })
  void distractorsAreNotFigures(String text) {
    assertThat(extractor.extract(text).casualties()).isEmpty();
  }

  @Test
  void emptyAndNumberFreeTextsGiveNothing() {
    assertThat(extractor.extract("").casualties()).isEmpty();
    assertThat(extractor.extract("").actors()).isEmpty();
    assertThat(extractor.extract("!!! ... ???").casualties()).isEmpty();
  }
}
