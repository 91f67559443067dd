package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The where-and-when set (our own words) in the build: precision first, every measure above its floor. */
class WhereWhenEvaluationTest {

  @Test
  void placesAndDatesOfTheLabelledSetStayAboveTheirFloors() throws Exception {
    WhereWhenEvaluation.Report report = WhereWhenEvaluation.run(new Extractor(), Path.of("src/test/resources/eval/where-when.jsonl"));

    assertThat(report.problems()).isEmpty();
    assertThat(report.passages()).isGreaterThanOrEqualTo(80);
    assertThat(report.matched()).as("figures found to score").isGreaterThanOrEqualTo(report.goldFigures() * 9 / 10);
    for (String measure : List.of("date", "country", "region", "point")) {
      WhereWhenEvaluation.Score s = report.score(measure);
      assertThat(s.precision()).as("%s precision", measure).isGreaterThanOrEqualTo(0.95);
      assertThat(s.recall()).as("%s recall", measure).isGreaterThanOrEqualTo(0.80);
    }
  }
}
