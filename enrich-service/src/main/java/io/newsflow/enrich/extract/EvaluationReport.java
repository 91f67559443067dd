package io.newsflow.enrich.extract;

import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code ./newsflow extract --eval} prints: actors and figures P/R/F1, attribution, the
 * breakdown a developer needs (by casualty type, attributed vs unattributed figures) and every miss
 * with its span and, for a wrong owner, the rule that chose it.
 */
record EvaluationReport(int passages, Score actors, Score casualties, Map<CasualtyType, Score> byType, int attributed,
    int ownerRight, int unattributed, int unattributedGivenOwner, int matched, int bothAgree, List<String> misses,
    List<ArticleInput.Problem> problems) {

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

  /** Of the matched figures whose gold names an owner, the share that got that owner (score-dev's attribution). */
  double ownerAccuracy() {
    return attributed == 0 ? 1 : (double) ownerRight / attributed;
  }

  /** Of all matched figures, the share whose owner and (where labelled) claimant both agree, null included. */
  double attributionAccuracy() {
    return matched == 0 ? 1 : (double) bothAgree / matched;
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "passages: %d%n", passages);
    out.printf(Locale.ROOT, "%-22s %9s %9s %9s   %s%n", "", "precision", "recall", "F1", "tp/fp/fn");
    line(out, "actors", actors);
    line(out, "casualty figures", casualties);
    byType.forEach((type, score) -> {
      if (score.truePositives() + score.falsePositives() + score.falseNegatives() > 0) {
        line(out, "  " + type.name(), score);
      }
    });
    out.printf(Locale.ROOT, "attribution            %.3f  (%d of %d matched figures whose gold names an owner got it)%n",
        ownerAccuracy(), ownerRight, attributed);
    out.printf(Locale.ROOT, "unattributed           %d matched figures with no owner in the gold, %d of them given one%n",
        unattributed, unattributedGivenOwner);
    out.printf(Locale.ROOT, "attribution accuracy   %.3f  (owner and labelled claimant both agree, %d of %d matched figures)%n",
        attributionAccuracy(), bothAgree, matched);
    if (!misses.isEmpty()) {
      out.println("misses:");
      misses.forEach(m -> out.println("  " + m));
    }
  }

  private static void line(PrintStream out, String name, Score s) {
    out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f   %d/%d/%d%n", name, s.precision(), s.recall(), s.f1(),
        s.truePositives(), s.falsePositives(), s.falseNegatives());
  }

  /** Collects a report while {@link Evaluation} scores passage by passage. */
  static final class Builder {
    private final int passages;
    private final List<ArticleInput.Problem> problems;
    private final int[] actors = new int[3];
    private final int[] figures = new int[3];
    private final Map<CasualtyType, int[]> byType = new EnumMap<>(CasualtyType.class);
    private int attributed;
    private int ownerRight;
    private int unattributed;
    private int unattributedGivenOwner;
    private int matched;
    private int bothAgree;
    private final List<String> misses = new ArrayList<>();

    Builder(int passages, List<ArticleInput.Problem> problems) {
      this.passages = passages;
      this.problems = problems;
      for (CasualtyType t : CasualtyType.values()) {
        byType.put(t, new int[3]);
      }
    }

    void actor(boolean right, boolean missed, String passage, String key) {
      if (right) {
        actors[0]++;
      } else if (missed) {
        actors[2]++;
        misses.add(passage + ": missed actor " + key);
      } else {
        actors[1]++;
        misses.add(passage + ": spurious actor " + key);
      }
    }

    void missed(String passage, GoldSet.Figure g) {
      figures[2]++;
      type(g.type())[2]++;
      misses.add(passage + ": MISS " + g.type() + " " + g.min() + ".." + g.max() + " <" + g.span() + ">");
    }

    void spurious(String passage, CasualtyFigure p) {
      figures[1]++;
      byType.get(p.getType())[1]++;
      misses.add(passage + ": EXTRA " + p.getType() + " " + p.getValue() + " <" + p.getText() + ">");
    }

    void matched(String passage, GoldSet.Figure g, CasualtyFigure p, String owner, boolean claimantAgrees,
        FigureExplanation why) {
      figures[0]++;
      type(g.type())[0]++;
      matched++;
      boolean ownerAgrees = Objects.equals(owner, g.owner());
      bothAgree += ownerAgrees && claimantAgrees ? 1 : 0;
      if (g.owner() != null) {
        attributed++;
        ownerRight += ownerAgrees ? 1 : 0;
      } else {
        unattributed++;
        unattributedGivenOwner += owner != null ? 1 : 0;
      }
      if (!ownerAgrees) {
        misses.add(passage + ": OWNER " + g.type() + " " + p.getValue() + " gold=" + g.owner() + " got=" + owner
            + " (rule " + why.owner() + ") <" + p.getText() + ">");
      } else if (!claimantAgrees) {
        misses.add(passage + ": CLAIMANT " + g.type() + " " + p.getValue() + " gold=" + g.claimant() + " got="
            + p.getClaimedBy() + " (rule " + why.claimant() + ") <" + p.getText() + ">");
      }
    }

    private int[] type(String name) {
      try {
        return byType.get(CasualtyType.valueOf(name));
      } catch (IllegalArgumentException e) {
        return new int[3]; // a type newsflow does not know counts in the totals only
      }
    }

    EvaluationReport build() {
      Map<CasualtyType, Score> types = new EnumMap<>(CasualtyType.class);
      byType.forEach((t, c) -> types.put(t, new Score(c[0], c[1], c[2])));
      return new EvaluationReport(passages, new Score(actors[0], actors[1], actors[2]),
          new Score(figures[0], figures[1], figures[2]), types, attributed, ownerRight, unattributed,
          unattributedGivenOwner, matched, bothAgree, misses, problems);
    }
  }
}
