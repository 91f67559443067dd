package io.newsflow.aggregate.dashboard;

/**
 * Reads sample values out of Prometheus text exposition, enough for the dashboard's pipeline
 * panel: the sum of a metric over all its label sets, or one quantile of a summary.
 */
final class PrometheusText {

  private PrometheusText() {}

  /** The sum of every sample named exactly {@code metric}; 0 when there is none. */
  static double sum(String exposition, String metric) {
    double total = 0;
    for (String line : exposition.split("\n")) {
      if (isSample(line, metric)) {
        total += value(line);
      }
    }
    return total;
  }

  /** The largest sample of {@code metric} whose labels contain {@code label}, or NaN. */
  static double max(String exposition, String metric, String label) {
    double best = Double.NaN;
    for (String line : exposition.split("\n")) {
      if (isSample(line, metric) && line.contains(label)) {
        double v = value(line);
        best = Double.isNaN(best) || v > best ? v : best;
      }
    }
    return best;
  }

  private static boolean isSample(String line, String metric) {
    if (!line.startsWith(metric) || line.length() == metric.length()) {
      return false;
    }
    char next = line.charAt(metric.length());
    return next == '{' || next == ' ';
  }

  private static double value(String line) {
    int space = line.lastIndexOf(' ');
    try {
      return Double.parseDouble(line.substring(space + 1));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
