package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The article newsflow started from (seeds/): the figures an analyst reads in it, and nothing else. */
class SeedArticleTest {

  static String seed;
  static Extraction extraction;

  @BeforeAll
  static void extract() throws IOException {
    seed = Files.readString(Path.of("../seeds/000_2b015a0ac9e7801d.txt"));
    extraction = new Extractor().extract(seed);
  }

  @Test
  void readsExactlyTheFiveReportedFigures() {
    assertThat(extraction.casualties())
        .extracting(CasualtyFigure::getType, CasualtyFigure::getValue, CasualtyFigure::getQualifier,
            CasualtyFigure::getActor, CasualtyFigure::getRealis)
        .containsExactly(
            tuple(CasualtyType.KILLED, 12L, Qualifier.MORE_THAN, "north-korea", Realis.ACTUAL),
            tuple(CasualtyType.DEPLOYED, 1000L, Qualifier.AT_LEAST, "north-korea", Realis.ACTUAL),
            tuple(CasualtyType.DEPLOYED, 11000L, Qualifier.APPROXIMATE, "north-korea", Realis.ACTUAL),
            tuple(CasualtyType.KILLED_OR_WOUNDED, 3000L, Qualifier.MORE_THAN, "north-korea", Realis.ACTUAL),
            tuple(CasualtyType.CAPTURED, 2L, Qualifier.EXACT, "north-korea", Realis.ACTUAL));
  }

  @Test
  void theKievReportClaimsTheThreeThousand() {
    CasualtyFigure over3000 = extraction.casualties().get(3);
    assertThat(over3000.getClaimedBy()).isEqualTo("ukraine");
    assertThat(over3000.getText()).isEqualTo("over 3,000 of these soldiers have been killed or severely wounded");
    assertThat(over3000.getValueMin()).isEqualTo(3001L);
    assertThat(over3000.getValueMax()).isNull();
    assertThat(seed.substring(over3000.getStart(), over3000.getEnd())).isEqualTo(over3000.getText());
  }

  @Test
  void spansPointAtTheFiguresInTheText() {
    for (CasualtyFigure figure : extraction.casualties()) {
      assertThat(seed.substring(figure.getStart(), figure.getEnd())).isEqualTo(figure.getText());
    }
    assertThat(extraction.casualties().get(0).getText()).isEqualTo("more than a dozen North Korean soldiers were found dead");
    assertThat(extraction.casualties().get(4).getText()).isEqualTo("two captured North Korean soldiers");
  }

  @Test
  void namesTheActorsOfTheStory() {
    assertThat(extraction.actors()).extracting(Actor::getId).contains(
        "ukraine", "russia", "north-korea", "south-korea", "kim-jong-un", "vladimir-putin", "volodymyr-zelensky",
        "united-states", "united-kingdom", "france", "nato");
  }

  @Test
  void theDefectorCalledKimIsNotKimJongUn() {
    Actor kim = extraction.actors().stream().filter(a -> a.getId().equals("kim-jong-un")).findFirst().orElseThrow();
    assertThat(kim.getMentions()).isEqualTo(3);
    assertThat(kim.getSpans()).allSatisfy(span ->
        assertThat(seed.substring(span.getStart(), span.getEnd())).isEqualTo("Kim Jong-un"));
    assertThat(kim.getAffiliation()).isEqualTo("north-korea");
  }

  @Test
  void yearsAndDurationsAreNotFigures() {
    assertThat(extraction.casualties()).extracting(CasualtyFigure::getText)
        .noneMatch(t -> t.contains("2022") || t.contains("2024") || t.contains("seven years") || t.contains("three years"));
  }
}
