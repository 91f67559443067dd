package io.newsflow.enrich.extract;

import io.newsflow.schema.Qualifier;

/**
 * A stated amount, tokens [first, end): "more than a dozen", "around 11,000", "thousands",
 * "between 20 and 30". {@code valueMin}/{@code valueMax} are the range it implies, null when open.
 */
record NumberExpression(int first, int end, long value, Qualifier qualifier, Long valueMin, Long valueMax) {

  static NumberExpression of(int first, int end, long value, Qualifier qualifier) {
    return switch (qualifier) {
      case EXACT -> new NumberExpression(first, end, value, qualifier, value, value);
      case MORE_THAN -> new NumberExpression(first, end, value, qualifier, value + 1, null);
      case AT_LEAST -> new NumberExpression(first, end, value, qualifier, value, null);
      case AT_MOST -> new NumberExpression(first, end, value, qualifier, null, value);
      case LESS_THAN -> new NumberExpression(first, end, value, qualifier, null, value - 1);
      case APPROXIMATE, RANGE -> new NumberExpression(first, end, value, qualifier, null, null);
    };
  }

  static NumberExpression range(int first, int end, long low, long high) {
    return new NumberExpression(first, end, low, Qualifier.RANGE, low, high);
  }
}
