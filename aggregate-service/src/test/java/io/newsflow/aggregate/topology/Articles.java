package io.newsflow.aggregate.topology;

import io.newsflow.schema.Actor;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Location;
import io.newsflow.schema.Qualifier;
import io.newsflow.schema.Realis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Enriched articles for topology tests, written the way enrich-service writes them. */
final class Articles {

  private final String id;
  private final Instant published;
  private String hash = "h1";
  private String url;
  private Instant ingested;
  private final List<Actor> actors = new ArrayList<>();
  private final List<CasualtyFigure> figures = new ArrayList<>();

  private Articles(String id, String published) {
    this.id = id;
    this.published = Instant.parse(published);
    this.ingested = this.published.plusSeconds(5);
  }

  static Articles article(String id, String published) {
    return new Articles(id, published);
  }

  Articles version(String contentHash) {
    hash = contentHash;
    return this;
  }

  Articles ingestedAt(String at) {
    ingested = Instant.parse(at);
    return this;
  }

  Articles names(String actorId, int mentions) {
    actors.add(new Actor(actorId, actorId.toUpperCase(), ActorType.COUNTRY, null, mentions, List.of()));
    return this;
  }

  Articles reports(CasualtyType type, long value, Qualifier qualifier, String actor) {
    figures.add(new CasualtyFigure(type, value, qualifier, null, null, actor, null, Realis.ACTUAL, 0, 1, value + " " + type, null, null, false, null));
    return this;
  }

  Articles claims(String claimant, CasualtyType type, long value, String actor) {
    figures.add(new CasualtyFigure(type, value, Qualifier.EXACT, null, null, actor, claimant, Realis.ACTUAL, 0, 1, value + " " + type, null, null, false, null));
    return this;
  }

  Articles supposes(CasualtyType type, long value, String actor) {
    figures.add(new CasualtyFigure(type, value, Qualifier.EXACT, null, null, actor, null, Realis.HYPOTHETICAL, 0, 1, "could", null, null, false, null));
    return this;
  }

  /** A figure reported as fact on {@code eventDate} (null: not said) in the Kursk region's Sudzha, or in {@code country} alone. */
  Articles reportsAt(CasualtyType type, long value, String actor, String eventDate, String country) {
    Location where = country == null
        ? new Location("Sudzha", "russia.kursk.sudzha", "russia", "Russia", "russia.kursk", "Kursk Oblast", 51.19, 35.27)
        : new Location(country.toUpperCase(), country, country, country.toUpperCase(), null, null, null, null);
    LocalDate day = eventDate == null ? null : LocalDate.parse(eventDate);
    figures.add(new CasualtyFigure(type, value, Qualifier.EXACT, null, null, actor, null, Realis.ACTUAL, 0, 1, value + " " + type,
        day, day, false, where));
    return this;
  }

  Articles url(String url) {
    this.url = url;
    return this;
  }

  EnrichedArticle build() {
    return new EnrichedArticle(id, "test", url, null, "text", null, published, ingested, hash,
        new ArrayList<>(actors), new ArrayList<>(figures), "test", ingested.plusSeconds(1));
  }
}
