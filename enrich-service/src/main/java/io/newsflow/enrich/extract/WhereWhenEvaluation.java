package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.extract.Places.Kind;
import io.newsflow.enrich.extract.Places.Place;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Location;
import io.newsflow.schema.Realis;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores where and when ({@link WhereStage}, {@link WhenStage}) against passages labelled with each
 * figure's {@code eventDate}, {@code eventDateEnd}, {@code cumulative} and {@code location}
 * ({@code countryId}, {@code region} and {@code place} by name; format:
 * {@code enrich-service/src/test/resources/eval/where-when.jsonl}). Gold figures are matched to
 * predicted ones as in {@link Evaluation} (type and a value within 1%). Of the matched, per
 * measure (date, country, region, point): a true positive when the prediction equals the gold, a
 * false positive when it gives one the gold does not (or another), a false negative when the gold
 * has one it missed. A location labelled without a region or a place leaves that measure unscored
 * for the figure. Precision first: a wrong place or date is worse than none.
 */
final class WhereWhenEvaluation {

  /** True and false positives and false negatives of one measure. */
  static final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    void add(Object gold, Object predicted) {
      if (gold != null && gold.equals(predicted)) {
        truePositives++;
        return;
      }
      falsePositives += predicted != null ? 1 : 0;
      falseNegatives += gold != null ? 1 : 0;
    }

    double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  /** Every measure over the matched figures, and each wrong answer for the listing. */
  record Report(int passages, int goldFigures, int matched, Map<String, Score> scores, int cumulativeAgrees, List<String> wrong,
      List<ArticleInput.Problem> problems) {

    Score score(String measure) {
      return scores.get(measure);
    }

    void print(PrintStream out) {
      out.printf("passages %d, gold figures %d, matched %d%n", passages, goldFigures, matched);
      scores.forEach((measure, s) -> out.printf("%-8s precision %d/%d = %.3f, recall %d/%d = %.3f%n", measure, s.truePositives,
          s.truePositives + s.falsePositives, s.precision(), s.truePositives, s.truePositives + s.falseNegatives, s.recall()));
      out.printf("cumulative agrees on %d/%d matched figures%n", cumulativeAgrees, matched);
      wrong.forEach(w -> out.println("  " + w));
    }
  }

  private static final Places PLACES = Places.standard();

  private WhereWhenEvaluation() {}

  static Report run(Extractor extractor, Path labelled) throws IOException {
    List<ArticleInput.Article> articles = new ArrayList<>();
    List<ArticleInput.Problem> problems = new ArrayList<>();
    ArticleInput.readFile(labelled, articles::add, problems::add);
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String measure : List.of("date", "country", "region", "point")) {
      scores.put(measure, new Score());
    }
    int gold = 0;
    int matched = 0;
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
        String figure = a.id() + " " + g.path("type").asText() + " " + g.path("value").asLong();
        LocalDate from = day(g.path("eventDate"));
        String goldDays = from == null ? null : from + ".." + (g.path("eventDateEnd").isTextual() ? day(g.path("eventDateEnd")) : from);
        String gotDays = p.getEventDate() == null ? null : p.getEventDate() + ".." + p.getEventDateEnd();
        score(scores.get("date"), goldDays, gotDays, figure + " date", wrong);
        cumulative += g.path("cumulative").asBoolean(false) == p.getCumulative() ? 1 : 0;
        scorePlace(scores, g.path("location"), p.getLocation(), figure, wrong);
      }
    }
    return new Report(articles.size(), gold, matched, scores, cumulative, wrong, problems);
  }

  private static void scorePlace(Map<String, Score> scores, JsonNode gold, Location got, String figure, List<String> wrong) {
    boolean none = !gold.isObject();
    String country = none ? null : gold.path("countryId").asText(null);
    score(scores.get("country"), country, got == null ? null : got.getCountryId(), figure + " country", wrong);
    String region = got == null ? null : got.getRegionId();
    if (none || gold.path("region").isTextual()) {
      String goldRegion = none ? null : named(PLACES.regions(gold.path("region").asText()), country, region, gold.path("region").asText());
      score(scores.get("region"), goldRegion, region, figure + " region", wrong);
    }
    Place town = got == null ? null : PLACES.byId(got.getPlaceId());
    String point = town != null && town.kind() == Kind.TOWN ? town.id() : null;
    if (none || gold.path("place").isTextual()) {
      String goldPoint = none ? null : named(PLACES.towns(gold.path("place").asText()), country, point, gold.path("place").asText());
      score(scores.get("point"), goldPoint, point, figure + " point", wrong);
    }
  }

  /** The gold's place, by name within its country: the predicted id when that is one of them, else the first, else the name. */
  private static String named(List<Place> candidates, String country, String predicted, String name) {
    Set<String> ids = candidates.stream().filter(p -> p.countryId().equals(country)).map(Place::id).collect(Collectors.toSet());
    if (ids.contains(predicted)) {
      return predicted;
    }
    return ids.isEmpty() ? "'" + name + "' (not in the gazetteer)" : ids.iterator().next();
  }

  private static void score(Score score, String gold, String got, String what, List<String> wrong) {
    score.add(gold, got);
    if (!Objects.equals(gold, got)) {
      wrong.add(what + ": gold " + gold + ", got " + got);
    }
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
