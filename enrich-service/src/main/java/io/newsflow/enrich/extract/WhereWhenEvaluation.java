package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Realis;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores event dates ({@link WhenStage}) against passages labelled with each figure's
 * {@code eventDate}, {@code eventDateEnd} and {@code cumulative}, resolved against the passage's
 * {@code publishedAt} (format: {@code enrich-service/src/test/resources/eval/where-when.jsonl}).
 * Gold figures are matched to predicted ones as in {@link Evaluation} (type and a value within
 * 1%); of the matched, a date is a true positive when both days equal the gold's, a false positive
 * when the extractor gives a date the gold does not (or another one), a false negative when the
 * gold has one the extractor missed. Precision first: a wrong date is worse than none.
 */
final class WhenEvaluation {

  /** The counts over every matched figure, and each wrong one for the verbose listing. */
  record Report(int passages, int goldFigures, int matched, int truePositives, int falsePositives, int falseNegatives,
      int cumulativeAgrees, List<String> wrong, List<ArticleInput.Problem> problems) {

    double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    void print(PrintStream out) {
      out.printf("passages %d, gold figures %d, matched %d%n", passages, goldFigures, matched);
      out.printf("event dates: precision %d/%d = %.3f, recall %d/%d = %.3f%n", truePositives, truePositives + falsePositives,
          precision(), truePositives, truePositives + falseNegatives, recall());
      out.printf("cumulative agrees on %d/%d matched figures%n", cumulativeAgrees, matched);
      wrong.forEach(w -> out.println("  " + w));
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  private WhenEvaluation() {}

  static Report run(Extractor extractor, Path labelled) throws IOException {
    List<ArticleInput.Article> articles = new ArrayList<>();
    List<ArticleInput.Problem> problems = new ArrayList<>();
    ArticleInput.readFile(labelled, articles::add, problems::add);
    int gold = 0;
    int matched = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int cumulative = 0;
    List<String> wrong = new ArrayList<>();
    for (ArticleInput.Article a : articles) {
      List<CasualtyFigure> unused = new ArrayList<>(extractor.extract(a.text(), a.published()).casualties().stream()
          .filter(f -> f.getRealis() == Realis.ACTUAL).toList());
      for (JsonNode g : a.json().path("figures")) {
        gold++;
        CasualtyFigure p = unused.stream().filter(f -> matches(g, f)).findFirst().orElse(null);
        if (p == null) {
          continue;
        }
        unused.remove(p);
        matched++;
        LocalDate from = day(g.path("eventDate"));
        LocalDate to = g.path("eventDateEnd").isTextual() ? day(g.path("eventDateEnd")) : from;
        boolean same = Objects.equals(from, p.getEventDate()) && Objects.equals(to, p.getEventDateEnd());
        if (from != null && same) {
          tp++;
        } else {
          fp += p.getEventDate() != null ? 1 : 0;
          fn += from != null ? 1 : 0;
          if (p.getEventDate() != null || from != null) {
            wrong.add(a.id() + " " + g.path("type").asText() + " " + g.path("value").asLong() + ": gold " + from + ".." + to
                + ", got " + p.getEventDate() + ".." + p.getEventDateEnd());
          }
        }
        cumulative += g.path("cumulative").asBoolean(false) == p.getCumulative() ? 1 : 0;
      }
    }
    return new Report(articles.size(), gold, matched, tp, fp, fn, cumulative, wrong, problems);
  }

  private static boolean matches(JsonNode g, CasualtyFigure p) {
    long min = g.path("value").asLong();
    long max = g.path("valueMax").isNumber() ? g.path("valueMax").asLong() : min;
    if (!p.getType().name().equals(g.path("type").asText())) {
      return false;
    }
    for (Long c : new Long[] {p.getValue(), p.getValueMin(), p.getValueMax()}) {
      if (Evaluation.close(c, min) || Evaluation.close(c, max)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate day(JsonNode node) {
    return node.isTextual() ? LocalDate.parse(node.asText()) : null;
  }
}
