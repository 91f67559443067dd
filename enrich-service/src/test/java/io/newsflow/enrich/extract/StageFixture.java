package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.CasualtyFigure;
import java.util.List;

/** Runs the extractor with explanations, for the stage tests: figures and the rule of each stage that decided them. */
final class StageFixture {

  /** One figure with the rules that decided it. */
  record Explained(CasualtyFigure figure, FigureExplanation why) {}

  private static final Extractor EXTRACTOR = new Extractor();

  private StageFixture() {}

  static List<Explained> figures(String text) {
    Extraction extraction = EXTRACTOR.explain(text);
    return java.util.stream.IntStream.range(0, extraction.casualties().size())
        .mapToObj(i -> new Explained(extraction.casualties().get(i), extraction.explanations().get(i))).toList();
  }

  /** The figure whose value is {@code value}; fails when there is none or more than one. */
  static Explained figure(String text, long value) {
    List<Explained> all = figures(text);
    List<Explained> found = all.stream().filter(e -> e.figure().getValue() == value).toList();
    assertThat(found).as("figures of value %d in: %s -> %s", value, text, all).hasSize(1);
    return found.get(0);
  }
}
