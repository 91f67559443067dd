package io.newsflow.aggregate.query;

import io.newsflow.aggregate.topology.ActorAccumulator;
import io.newsflow.aggregate.topology.Figure;
import io.newsflow.aggregate.topology.Place;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON the HTTP API answers, built from an actor's accumulator. */
public final class Views {

  private Views() {}

  /** One row of {@code GET /actors}. */
  public record ActorSummary(String id, String name, String type, String affiliation, long articles, long mentions,
      Instant firstSeen, Instant lastSeen) {}

  /** {@code GET /actors/{id}}. */
  public record ActorDetail(String id, String name, String type, String affiliation, long articles, long mentions,
      Instant firstSeen, Instant lastSeen, Instant updatedAt, List<CasualtyView> casualties, List<CoActorView> coActors) {}

  /**
   * One casualty type: reports, the distinct outlets they came from, the latest and highest
   * figure, and each claimant's latest (claimedBy null: none stated).
   */
  public record CasualtyView(String type, long reports, int outlets, Figure latest, Figure highest, List<Figure> latestByClaimant) {}

  public record CoActorView(String id, String name, long articles) {}

  /** One day of {@code GET /actors/{id}/timeline}. */
  public record DayView(String day, long articles, long mentions, Map<String, Long> reports) {}

  /** One row of {@code GET /places}: a country or region, how many articles reported figures there and how many figures. */
  public record PlaceSummary(String id, String name, String kind, String countryId, long articles, long figures,
      Instant firstSeen, Instant lastSeen) {}

  /** {@code GET /places/{id}}: the same statistics as an actor's; {@code actors}: those named alongside its figures. */
  public record PlaceDetail(String id, String name, String kind, String countryId, long articles, long figures,
      Instant firstSeen, Instant lastSeen, Instant updatedAt, List<CasualtyView> casualties, List<CoActorView> actors) {}

  static PlaceSummary placeSummary(ActorAccumulator a) {
    String id = a.actorId.substring(Place.KEY_PREFIX.length());
    return new PlaceSummary(id, a.name, a.affiliation == null ? "country" : "region", a.affiliation == null ? id : a.affiliation,
        a.articles, a.mentions, a.earliest.isEmpty() ? null : Instant.ofEpochMilli(a.earliest.get(0).at()),
        a.latest.isEmpty() ? null : Instant.ofEpochMilli(a.latest.get(0).at()));
  }

  static PlaceDetail place(ActorAccumulator a) {
    PlaceSummary s = placeSummary(a);
    ActorDetail d = detail(a);
    return new PlaceDetail(s.id(), s.name(), s.kind(), s.countryId(), s.articles(), s.figures(), s.firstSeen(), s.lastSeen(),
        d.updatedAt(), d.casualties(), d.coActors());
  }

  static ActorSummary summary(ActorAccumulator a) {
    return new ActorSummary(a.actorId, a.name, a.type == null ? null : a.type.name(), a.affiliation, a.articles, a.mentions,
        a.earliest.isEmpty() ? null : Instant.ofEpochMilli(a.earliest.get(0).at()),
        a.latest.isEmpty() ? null : Instant.ofEpochMilli(a.latest.get(0).at()));
  }

  static ActorDetail detail(ActorAccumulator a) {
    ActorSummary s = summary(a);
    List<CasualtyView> casualties = a.figures().stream()
        .map(f -> new CasualtyView(f.type().name(), f.reports(), f.outlets(), f.latest(), f.highest(), f.latestByClaimant())).toList();
    return new ActorDetail(s.id(), s.name(), s.type(), s.affiliation(), s.articles(), s.mentions(), s.firstSeen(),
        s.lastSeen(), Instant.ofEpochMilli(a.updatedAt), casualties, coActors(a, Integer.MAX_VALUE));
  }

  static List<CoActorView> coActors(ActorAccumulator a, int limit) {
    return a.coActors.top(limit).stream().map(e -> new CoActorView(e.id(), e.name(), e.articles())).toList();
  }

  static List<DayView> timeline(ActorAccumulator a, String from, String to) {
    List<DayView> days = new ArrayList<>();
    new TreeMap<>(a.days).forEach((day, counts) -> {
      if ((from == null || day.compareTo(from) >= 0) && (to == null || day.compareTo(to) <= 0)) {
        Map<String, Long> reports = new TreeMap<>();
        counts.reports.forEach((t, n) -> reports.put(t.name(), n));
        days.add(new DayView(day, counts.articles, counts.mentions, reports));
      }
    });
    return days;
  }
}
