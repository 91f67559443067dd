package io.newsflow.aggregate.topology;

/**
 * Where a reported figure's event happened, as the enriched article's {@code Location} says:
 * a country, a region ({@code regionId} is its own id) or a town; {@code lat}/{@code lon} null for a country.
 */
public record Place(String placeId, String name, String countryId, String countryName, String regionId, String regionName,
    Double lat, Double lon) {

  /** The key of a place's statistics in the actor-stats store, beside the actors': {@code place:russia.kursk}. */
  public static final String KEY_PREFIX = "place:";

  public static boolean isPlaceKey(String key) {
    return key.startsWith(KEY_PREFIX);
  }

  public static Place of(io.newsflow.schema.Location l) {
    return l == null ? null : new Place(l.getPlaceId(), l.getName(), l.getCountryId(), l.getCountryName(), l.getRegionId(),
        l.getRegionName(), l.getLat(), l.getLon());
  }
}
