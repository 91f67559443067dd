package io.newsflow.aggregate.dashboard;

import io.newsflow.aggregate.topology.Figure;
import io.newsflow.aggregate.topology.Place;
import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.EnrichedArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One enriched article as the dashboard's evidence view shows it ({@code GET /articles/recent}):
 * its text with the spans of every actor mention and casualty figure, as char offsets into
 * {@code text} (UTF-16, the same indices as a JavaScript string's).
 */
public record ArticleEvidence(String id, String title, String url, String outlet, Instant publishedAt, Instant ingestedAt,
    String text, List<ActorMentions> actors, List<FigureSpan> casualties) {

  /** An actor and where the text names it. */
  public record ActorMentions(String id, String name, String type, List<Span> spans) {}

  /** Character offsets {@code [start, end)} into the text. */
  public record Span(int start, int end) {}

  /** A casualty figure as read from the text, realis included (the view shows claimed and hypothetical ones too), with when and where. */
  public record FigureSpan(String type, long value, String qualifier, Long valueMin, Long valueMax, String actor,
      String claimedBy, String realis, int start, int end, String text, LocalDate eventDate, LocalDate eventDateEnd,
      boolean cumulative, Place location) {}

  public static ArticleEvidence of(EnrichedArticle a) {
    return new ArticleEvidence(a.getId(), a.getTitle(), a.getUrl(), Figure.outletOf(a.getUrl()), a.getPublishedAt(),
        a.getIngestedAt(), a.getText(), a.getActors().stream().map(ArticleEvidence::actor).toList(),
        a.getCasualties().stream().map(ArticleEvidence::figure).toList());
  }

  private static ActorMentions actor(Actor a) {
    return new ActorMentions(a.getId(), a.getName(), a.getType().name(),
        a.getSpans().stream().map(s -> new Span(s.getStart(), s.getEnd())).toList());
  }

  private static FigureSpan figure(CasualtyFigure f) {
    return new FigureSpan(f.getType().name(), f.getValue(), f.getQualifier().name(), f.getValueMin(), f.getValueMax(),
        f.getActor(), f.getClaimedBy(), f.getRealis().name(), f.getStart(), f.getEnd(), f.getText(), f.getEventDate(),
        f.getEventDateEnd(), f.getCumulative(), Place.of(f.getLocation()));
  }
}
