package io.newsflow.aggregate.query;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.newsflow.aggregate.topology.Figure;
import io.newsflow.aggregate.topology.Place;
import io.newsflow.aggregate.topology.Report;
import io.newsflow.schema.CasualtyType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /actors/{id}/figures}: the history of an actor's reported figures (facts only, as
 * counted), filtered by {@code type}, {@code from}/{@code to} (a date or an instant, on the
 * publication time), {@code claimedBy} (an actor id, or {@code none}), {@code place} (a country,
 * region or town id: the reports that happened there or inside it), paged by {@code offset}
 * and {@code limit}, oldest first; as JSON, or as CSV for a spreadsheet ({@code .csv} or
 * {@code Accept: text/csv}).
 */
final class FigureHistory {

  /** One report as a row: the figure and its type, flat. */
  @JsonPropertyOrder({"type", "reportedAt", "value", "qualifier", "valueMin", "valueMax", "claimedBy", "articleId", "url",
      "outlet", "text", "eventDate", "eventDateEnd", "placeId", "place", "countryId", "regionId", "lat", "lon"})
  record Row(String type, Instant reportedAt, long value, String qualifier, Long valueMin, Long valueMax, String claimedBy,
      String articleId, String url, String outlet, String text, LocalDate eventDate, LocalDate eventDateEnd, String placeId,
      String place, String countryId, String regionId, Double lat, Double lon) {

    static Row of(Report r) {
      Figure f = r.figure();
      Place p = f.place();
      return new Row(r.type().name(), f.reportedAt(), f.value(), f.qualifier().name(), f.valueMin(), f.valueMax(),
          f.claimedBy(), f.articleId(), f.url(), f.outlet(), f.text(), f.eventDate(), f.eventDateEnd(),
          p == null ? null : p.placeId(), p == null ? null : p.name(), p == null ? null : p.countryId(),
          p == null ? null : p.regionId(), p == null ? null : p.lat(), p == null ? null : p.lon());
    }
  }

  /** The JSON answer: how many reports match, and this page of them. */
  record Page(String actor, long total, int offset, int limit, List<Row> reports) {}

  private static final CsvMapper CSV = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final CsvSchema HEADER = CSV.schemaFor(Row.class).withHeader();

  final CasualtyType type;
  private final Instant from;
  private final Instant to;
  private final String claimedBy;
  private final String place;
  private final int offset;
  private final int limit;

  private FigureHistory(CasualtyType type, Instant from, Instant to, String claimedBy, String place, int offset, int limit) {
    this.type = type;
    this.from = from;
    this.to = to;
    this.claimedBy = claimedBy;
    this.place = place;
    this.offset = offset;
    this.limit = limit;
  }

  /** The query of a request; a malformed parameter is a {@link ActorApi.BadRequest} naming it. */
  static FigureHistory of(Context ctx) {
    String type = ctx.queryParam("type");
    CasualtyType t = null;
    if (type != null && !type.isEmpty()) {
      t = Arrays.stream(CasualtyType.values()).filter(c -> c.name().equals(type)).findFirst()
          .orElseThrow(() -> new ActorApi.BadRequest("type must be one of " + Arrays.toString(CasualtyType.values())
              + ", not '" + type + "'"));
    }
    String claimedBy = ctx.queryParam("claimedBy");
    String place = ctx.queryParam("place");
    return new FigureHistory(t, time(ctx, "from", false), time(ctx, "to", true),
        claimedBy == null || claimedBy.isEmpty() ? null : claimedBy, place == null || place.isEmpty() ? null : place,
        number(ctx, "offset", 0, 0, Integer.MAX_VALUE), number(ctx, "limit", 100, 1, 10_000));
  }

  /** Whether the request asks for CSV. */
  static boolean wantsCsv(Context ctx) {
    String accept = ctx.header("Accept");
    return ctx.path().endsWith(".csv") || (accept != null && accept.contains("text/csv"));
  }

  List<Report> select(List<Report> reports) {
    return reports.stream()
        .filter(r -> from == null || !r.figure().reportedAt().isBefore(from))
        .filter(r -> to == null || r.figure().reportedAt().isBefore(to))
        .filter(r -> claimedBy == null || (claimedBy.equals("none") ? r.figure().claimedBy() == null
            : claimedBy.equals(r.figure().claimedBy())))
        .filter(r -> place == null || within(r.figure().place(), place))
        .sorted(Comparator.comparing((Report r) -> r.figure().reportedAt()).thenComparing(r -> r.type().name())
            .thenComparing(r -> r.figure().articleId()))
        .toList();
  }

  /** Whether the report's place is {@code id} or lies inside it (ids extend their container's: russia.kursk.sudzha). */
  private static boolean within(Place p, String id) {
    return p != null && (p.placeId().equals(id) || p.placeId().startsWith(id + "."));
  }

  Page page(String actor, List<Report> selected) {
    List<Row> rows = selected.stream().skip(offset).limit(limit).map(Row::of).toList();
    return new Page(actor, selected.size(), offset, limit, rows);
  }

  String csv(List<Report> selected) throws JsonProcessingException {
    return CSV.writer(HEADER).writeValueAsString(selected.stream().skip(offset).limit(limit).map(Row::of).toList());
  }

  /** A date means its start (from) or the start of the next day (to: the whole day is included); else an instant. */
  private static Instant time(Context ctx, String param, boolean end) {
    String value = ctx.queryParam(param);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).plusDays(end ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ActorApi.BadRequest(param + " must be a date like 2024-12-01 or an instant like 2024-12-01T10:00:00Z, not '"
          + value + "'");
    }
  }

  private static int number(Context ctx, String param, int fallback, int min, int max) {
    String value = ctx.queryParam(param);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new ActorApi.BadRequest(param + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
  }
}
