package io.newsflow.enrich.extract;

import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Realis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores the extractor against annotated passages ({@link GoldSet}: the project's format or the
 * shared real-news one) with the rules of {@code ../shared/eval/score_extract.py}, so the totals
 * agree with {@code score-dev}: actors by key, optional ones never false positives; a figure
 * matches the first unused predicted figure of its type reported as fact whose value, minimum or
 * maximum is within 1% (at least 1) of the gold minimum or maximum; attribution is the share of
 * matched figures whose gold names an owner that got that owner. A predicted armed force the gold
 * does not list counts as the state it belongs to ("Sudanese Armed Forces" for Sudan).
 */
final class Evaluation {

  private Evaluation() {}

  static EvaluationReport run(Extractor extractor, Path gold) throws IOException {
    List<ArticleInput.Problem> problems = new ArrayList<>();
    List<GoldSet.Passage> passages = new GoldSet(Gazetteer.standard()).read(gold, problems);
    EvaluationReport.Builder report = new EvaluationReport.Builder(passages.size(), problems);
    for (GoldSet.Passage passage : passages) {
      score(passage, extractor.explain(passage.text()), report);
    }
    return report.build();
  }

  private static void score(GoldSet.Passage gold, Extraction got, EvaluationReport.Builder report) {
    Map<String, String> keyOf = predictedKeys(got.actors(), gold.actors());
    Set<String> predicted = new HashSet<>(keyOf.values());
    predicted.removeIf(k -> !gold.actors().contains(k) && gold.optionalActors().contains(k));
    for (String key : predicted) {
      report.actor(gold.actors().contains(key), false, gold.id(), key);
    }
    for (String key : gold.actors()) {
      if (!predicted.contains(key)) {
        report.actor(false, true, gold.id(), key);
      }
    }
    List<Integer> unused = new ArrayList<>();
    for (int i = 0; i < got.casualties().size(); i++) {
      if (got.casualties().get(i).getRealis() == Realis.ACTUAL) {
        unused.add(i);
      }
    }
    for (GoldSet.Figure g : gold.figures()) {
      if (!g.actual()) {
        continue;
      }
      Integer hit = unused.stream().filter(i -> matches(g, got.casualties().get(i))).findFirst().orElse(null);
      if (hit == null) {
        report.missed(gold.id(), g);
        continue;
      }
      unused.remove(hit);
      CasualtyFigure p = got.casualties().get(hit);
      String owner = p.getActor() == null ? null : keyOf.getOrDefault(p.getActor(), p.getActor());
      boolean claimantAgrees = !g.claimantLabelled() || Objects.equals(p.getClaimedBy(), g.claimant());
      report.matched(gold.id(), g, p, owner, claimantAgrees, got.explanations().get(hit));
    }
    for (int i : unused) {
      report.spurious(gold.id(), got.casualties().get(i));
    }
  }

  /** Predicted actor id -> key; a state force the gold does not list counts as its state. */
  private static Map<String, String> predictedKeys(List<Actor> actors, Set<String> goldActors) {
    Map<String, String> keys = new HashMap<>();
    for (Actor a : actors) {
      boolean forceOfAState = a.getType() != ActorType.PERSON && a.getAffiliation() != null && !goldActors.contains(a.getId());
      keys.put(a.getId(), forceOfAState ? a.getAffiliation() : a.getId());
    }
    return keys;
  }

  static boolean matches(GoldSet.Figure g, CasualtyFigure p) {
    if (!p.getType().name().equals(g.type())) {
      return false;
    }
    for (Long c : new Long[] {p.getValue(), p.getValueMin(), p.getValueMax()}) {
      if (close(c, g.min()) || close(c, g.max())) {
        return true;
      }
    }
    return false;
  }

  static boolean close(Long a, Long b) {
    return a != null && b != null && Math.abs(a - b) <= Math.max(1, 0.01 * Math.max(Math.abs(a), Math.abs(b)));
  }
}
