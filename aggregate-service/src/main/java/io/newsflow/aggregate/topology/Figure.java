package io.newsflow.aggregate.topology;

import io.newsflow.schema.FigureReport;
import io.newsflow.schema.Qualifier;
import java.time.Instant;

/**
 * One reported casualty figure, the one shape it has from an article's contribution through an
 * actor's statistics to the HTTP view; {@link #toAvro} is the stats topic's contract.
 */
public record Figure(long value, Qualifier qualifier, Long valueMin, Long valueMax, String claimedBy, String articleId,
    Instant reportedAt, String text) {

  FigureReport toAvro() {
    return new FigureReport(value, qualifier, valueMin, valueMax, claimedBy, articleId, reportedAt, text);
  }
}
