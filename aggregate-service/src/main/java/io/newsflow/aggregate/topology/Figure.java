package io.newsflow.aggregate.topology;

import io.newsflow.schema.FigureReport;
import io.newsflow.schema.Qualifier;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One reported casualty figure, the one shape it has from an article's contribution through an
 * actor's statistics to the HTTP view; {@link #toAvro} is the stats topic's contract.
 * {@code url} is the article's and {@code outlet} its host (without "www."), when the article has one;
 * {@code eventDate}..{@code eventDateEnd} and {@code place} say when and where, when the text does.
 */
public record Figure(long value, Qualifier qualifier, Long valueMin, Long valueMax, String claimedBy, String articleId,
    Instant reportedAt, String text, String url, String outlet, LocalDate eventDate, LocalDate eventDateEnd, Place place) {

  /** The outlet of an article's url: its host, lower case, without a leading "www."; null when there is none. */
  public static String outletOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = java.net.URI.create(url.trim()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(java.util.Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null; // not a URL: no outlet, the figure still counts
    }
  }

  FigureReport toAvro() {
    return new FigureReport(value, qualifier, valueMin, valueMax, claimedBy, articleId, reportedAt, text);
  }
}
