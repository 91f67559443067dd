package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Realis;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Scores the extractor against annotated passages (JSON Lines shaped like the extract output,
 * with complete gold {@code actors} and {@code casualties}). Actors are scored as (passage,
 * actor id); figures as (passage, type, value) among figures reported as fact; attribution as
 * the share of matched figures whose {@code actor} and {@code claimedBy} both agree.
 */
final class Evaluation {

  /** Precision, recall and F1 of one kind of output. */
  record Score(int truePositives, int falsePositives, int falseNegatives) {
    double precision() {
      return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  record Report(int passages, Score actors, Score casualties, int attributed, int actorAgrees, int claimAgrees,
      int bothAgree, List<String> misses, List<ArticleInput.Problem> problems) {

    double attributionAccuracy() {
      return attributed == 0 ? 1 : (double) bothAgree / attributed;
    }

    void print(PrintStream out) {
      out.printf(Locale.ROOT, "passages: %d%n", passages);
      out.printf(Locale.ROOT, "%-22s %9s %9s %9s   %s%n", "", "precision", "recall", "F1", "tp/fp/fn");
      line(out, "actors", actors);
      line(out, "casualty figures", casualties);
      out.printf(Locale.ROOT, "attribution accuracy   %.3f  (actor %d/%d, claimedBy %d/%d, both %d/%d of matched figures)%n",
          attributionAccuracy(), actorAgrees, attributed, claimAgrees, attributed, bothAgree, attributed);
      if (!misses.isEmpty()) {
        out.println("misses:");
        misses.forEach(m -> out.println("  " + m));
      }
    }

    private static void line(PrintStream out, String name, Score s) {
      out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f   %d/%d/%d%n", name, s.precision(), s.recall(), s.f1(),
          s.truePositives(), s.falsePositives(), s.falseNegatives());
    }
  }

  private Evaluation() {}

  static Report run(Extractor extractor, Path gold) throws IOException {
    List<ArticleInput.Article> passages = new ArrayList<>();
    List<ArticleInput.Problem> problems = new ArrayList<>();
    ArticleInput.readFile(gold, passages::add, problems::add);
    int[] actors = new int[3];
    int[] figures = new int[3];
    int attributed = 0;
    int actorAgrees = 0;
    int claimAgrees = 0;
    int bothAgree = 0;
    List<String> misses = new ArrayList<>();
    for (ArticleInput.Article passage : passages) {
      Extraction got = extractor.extract(passage.text());
      Set<String> goldActors = new HashSet<>();
      passage.json().path("actors").forEach(a -> goldActors.add(a.path("id").asText()));
      Set<String> gotActors = new HashSet<>();
      got.actors().forEach(a -> gotActors.add(a.getId()));
      for (String id : gotActors) {
        if (goldActors.contains(id)) {
          actors[0]++;
        } else {
          actors[1]++;
          misses.add(passage.id() + ": spurious actor " + id);
        }
      }
      for (String id : goldActors) {
        if (!gotActors.contains(id)) {
          actors[2]++;
          misses.add(passage.id() + ": missed actor " + id);
        }
      }
      List<CasualtyFigure> predicted = new ArrayList<>(got.casualties().stream().filter(c -> c.getRealis() == Realis.ACTUAL).toList());
      for (JsonNode g : passage.json().path("casualties")) {
        if (!g.path("realis").asText("ACTUAL").equals("ACTUAL")) {
          continue;
        }
        CasualtyFigure match = predicted.stream()
            .filter(p -> p.getType().name().equals(g.path("type").asText()) && p.getValue() == g.path("value").asLong())
            .findFirst().orElse(null);
        if (match == null) {
          figures[2]++;
          misses.add(passage.id() + ": missed " + g.path("type").asText() + " " + g.path("value").asLong());
          continue;
        }
        predicted.remove(match);
        figures[0]++;
        attributed++;
        boolean actorOk = Objects.equals(match.getActor(), textOrNull(g, "actor"));
        boolean claimOk = Objects.equals(match.getClaimedBy(), textOrNull(g, "claimedBy"));
        actorAgrees += actorOk ? 1 : 0;
        claimAgrees += claimOk ? 1 : 0;
        bothAgree += actorOk && claimOk ? 1 : 0;
        if (!actorOk || !claimOk) {
          misses.add(passage.id() + ": " + match.getType() + " " + match.getValue() + " attributed actor=" + match.getActor()
              + " claimedBy=" + match.getClaimedBy() + ", gold actor=" + textOrNull(g, "actor") + " claimedBy=" + textOrNull(g, "claimedBy"));
        }
      }
      for (CasualtyFigure p : predicted) {
        figures[1]++;
        misses.add(passage.id() + ": spurious " + p.getType() + " " + p.getValue() + " from \"" + p.getText() + "\"");
      }
    }
    return new Report(passages.size(), new Score(actors[0], actors[1], actors[2]),
        new Score(figures[0], figures[1], figures[2]), attributed, actorAgrees, claimAgrees, bothAgree, misses, problems);
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
