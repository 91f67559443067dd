package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Quality floors. {@code gold.jsonl} covers every number form, qualifier, type, attribution
 * pattern and distractor; {@code holdout.jsonl} was written after the rules, to keep them honest.
 * A change that drops quality below a floor fails the build.
 */
class EvaluationTest {

  private static final Path EVAL = Path.of("src/test/resources/eval");
  private final Extractor extractor = new Extractor();

  @Test
  void annotatedSetMeetsTheQualityTarget() throws Exception {
    EvaluationReport report = Evaluation.run(extractor, EVAL.resolve("gold.jsonl"));
    print(report);

    assertThat(report.passages()).isGreaterThanOrEqualTo(80);
    assertThat(report.problems()).isEmpty();
    assertThat(report.actors().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.casualties().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.attributionAccuracy()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void heldOutSetStaysAboveItsFloor() throws Exception {
    EvaluationReport report = Evaluation.run(extractor, EVAL.resolve("holdout.jsonl"));
    print(report);

    assertThat(report.actors().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.casualties().f1()).isGreaterThanOrEqualTo(0.90);
    assertThat(report.casualties().precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void precisionRecallAndF1FollowFromTheCounts() throws Exception {
    EvaluationReport.Score score = new EvaluationReport.Score(8, 2, 0);
    assertThat(score.precision()).isEqualTo(0.8);
    assertThat(score.recall()).isEqualTo(1.0);
    assertThat(score.f1()).isCloseTo(0.888, org.assertj.core.data.Offset.offset(0.001));
  }

  private static void print(EvaluationReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    System.out.print(bytes.toString(StandardCharsets.UTF_8));
  }
}
