package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quality floors on the project's own sets: {@code gold.jsonl} covers every number form,
 * qualifier, type, attribution pattern and distractor; {@code holdout.jsonl} was written after
 * the first rules; {@code holdout-2.jsonl} after reading the real-news misses, in other wording,
 * and used since to find general rules; {@code attribution-dev.jsonl} on the ways copy says whose
 * people are counted, written blind and used since; {@code holdout-3.jsonl} was written blind to the extractor
 * and the other sets and is only scored, never read for rules. A change that drops quality below a
 * floor fails the build. The real-news development set ({@code ../shared/eval}) is scored by
 * {@code score-dev}; this class checks that {@code --eval} gives the same totals on it.
 */
class EvaluationTest {

  private static final Path EVAL = Path.of("src/test/resources/eval");
  private static final Path SHARED_EVAL = Path.of("../../shared/eval");
  private final Extractor extractor = new Extractor();

  @Test
  void annotatedSetMeetsTheQualityTarget() throws Exception {
    EvaluationReport report = evaluate("gold.jsonl");

    assertThat(report.passages()).isGreaterThanOrEqualTo(80);
    assertThat(report.problems()).isEmpty();
    assertThat(report.actors().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.casualties().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.attributionAccuracy()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void heldOutSetStaysAboveItsFloor() throws Exception {
    EvaluationReport report = evaluate("holdout.jsonl");

    assertThat(report.actors().f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.casualties().f1()).isGreaterThanOrEqualTo(0.90);
    assertThat(report.casualties().precision()).isGreaterThanOrEqualTo(0.95);
  }

  /** The sets written in the real-news labelling format: figures F1 and owner accuracy floors, just under today's scores. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "holdout-2.jsonl,       90, 0.93, 0.88",
      "attribution-dev.jsonl, 80, 0.95, 0.89",
      "holdout-3.jsonl,       70, 0.89, 0.75",
  })
  void realNewsShapedSetStaysAboveItsFloor(String set, int passages, double figuresF1, double owner) throws Exception {
    EvaluationReport report = evaluate(set);

    assertThat(report.passages()).isGreaterThanOrEqualTo(passages);
    assertThat(report.problems()).isEmpty();
    assertThat(report.casualties().f1()).isGreaterThanOrEqualTo(figuresF1);
    assertThat(report.ownerAccuracy()).isGreaterThanOrEqualTo(owner);
  }

  @Test
  void totalsAgreeWithTheSharedScorerOnTheRealNewsSet(@TempDir Path dir) throws Exception {
    Path dev = SHARED_EVAL.resolve("dev-news.jsonl");
    Path scorer = SHARED_EVAL.resolve("score_extract.py");
    assumeThat(Files.isRegularFile(dev) && Files.isRegularFile(scorer)).as("../shared/eval is beside the project").isTrue();
    assumeThat(python3Runs()).as("python3 runs here").isTrue();
    Path predictions = dir.resolve("out.jsonl");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        var passage = io.newsflow.runtime.Json.mapper().readTree(line);
        lines.add(ExtractCommand.toJson(passage.get("id").asText(), extractor.extract(passage.get("text").asText())).toString());
      }
    }
    Files.write(predictions, lines, StandardCharsets.UTF_8);
    String summary = run("python3", scorer.toString(), dev.toString(), predictions.toString());
    EvaluationReport report = Evaluation.run(extractor, dev);

    assertThat(counts(summary, "casualties")).containsExactly(
        report.casualties().truePositives(), report.casualties().falsePositives(), report.casualties().falseNegatives());
    assertThat(counts(summary, "actors")).containsExactly(
        report.actors().truePositives(), report.actors().falsePositives(), report.actors().falseNegatives());
    Matcher attribution = Pattern.compile("attribution (\\d+)/(\\d+)").matcher(summary);
    assertThat(attribution.find()).isTrue();
    assertThat(List.of(Integer.parseInt(attribution.group(1)), Integer.parseInt(attribution.group(2))))
        .containsExactly(report.ownerRight(), report.attributed());
  }

  @Test
  void precisionRecallAndF1FollowFromTheCounts() {
    EvaluationReport.Score score = new EvaluationReport.Score(8, 2, 0);
    assertThat(score.precision()).isEqualTo(0.8);
    assertThat(score.recall()).isEqualTo(1.0);
    assertThat(score.f1()).isCloseTo(0.888, org.assertj.core.data.Offset.offset(0.001));
  }

  private EvaluationReport evaluate(String set) throws IOException {
    EvaluationReport report = Evaluation.run(extractor, EVAL.resolve(set));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    System.out.print(set + ": " + bytes.toString(StandardCharsets.UTF_8));
    return report;
  }

  /** tp, fp, fn of one line of the scorer's summary ("casualties P ... (tp 160 fp 4 fn 0)"). */
  private static List<Integer> counts(String summary, String line) {
    Matcher m = Pattern.compile(line + " .*\\(tp (\\d+) fp (\\d+) fn (\\d+)\\)").matcher(summary);
    assertThat(m.find()).as("scorer line %s in %s", line, summary).isTrue();
    return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  private static boolean python3Runs() {
    try {
      return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
