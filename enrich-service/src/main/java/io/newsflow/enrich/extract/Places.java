package io.newsflow.enrich.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The place gazetteer: countries ({@code countries.tsv}), first-level regions and towns
 * ({@code places.tsv}, built from GeoNames by {@code enrich-service/gazetteer}) and the press's
 * spellings of them ({@code place-aliases.tsv}). Names are looked up by a key that ignores case,
 * accents, apostrophes and hyphens, so "Kramatorsk" finds GeoNames' "Kramators'k".
 */
final class Places {

  enum Kind { COUNTRY, REGION, TOWN }

  /** One place; {@code regionId} is its own id for a region and null for a country, {@code lat}/{@code lon} null for a country. */
  record Place(Kind kind, String id, String name, String countryId, String regionId, Double lat, Double lon, long population) {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼʻ`]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  /** What GeoNames appends to a region's name and the press may or may not: "Kursk Oblast", "Borno State". */
  static final Pattern REGION_WORD = Pattern.compile(
      "\\s+(?:oblast'?|province|governorate|state|region|krai|kray|republic|prefecture|county|district|city)$", Pattern.CASE_INSENSITIVE);

  private static final Places STANDARD = load(); // after the patterns it uses

  private final Map<String, List<Place>> countries = new HashMap<>();
  private final Map<String, List<Place>> regions = new HashMap<>();
  private final Map<String, List<Place>> towns = new HashMap<>();
  /** Press spellings: when a key is here, it names only these places. */
  private final Map<String, List<Place>> aliases = new HashMap<>();
  private final Map<String, Place> byId = new HashMap<>();
  private final java.util.Set<String> firstWords = new java.util.HashSet<>();

  static Places standard() {
    return STANDARD;
  }

  /** Countries named so ("Sudan", "DR Congo"): demonyms and capitals are no place names. */
  List<Place> countries(String name) {
    return countries.getOrDefault(key(name), List.of());
  }

  /** Regions named so, with or without their generic word ("Kursk", "Kursk Oblast", "North Darfur"), or by a press spelling. */
  List<Place> regions(String name) {
    String k = key(name);
    List<Place> alias = aliases.getOrDefault(k, List.of()).stream().filter(p -> p.kind() == Kind.REGION).toList();
    return alias.isEmpty() ? regions.getOrDefault(k, List.of()) : alias;
  }

  /** Towns named so; a press spelling in place-aliases.tsv stands for its places alone (a region's spelling names no town). */
  List<Place> towns(String name) {
    String k = key(name);
    List<Place> alias = aliases.get(k);
    if (alias == null) {
      return towns.getOrDefault(k, List.of());
    }
    return alias.stream().filter(p -> p.kind() == Kind.TOWN).toList(); // "Gaza" is the Strip, never GeoNames' town "Gaza"
  }

  /** Whether the press spelling names regions only ("Gaza" is the Strip). */
  boolean aliasNamesRegion(String name) {
    List<Place> alias = aliases.get(key(name));
    return alias != null && alias.stream().allMatch(p -> p.kind() == Kind.REGION);
  }

  Place byId(String id) {
    return byId.get(id);
  }

  /** Whether some place's name starts with this word (its key): a stretch of text without one names no place. */
  boolean startsAName(String word) {
    return firstWords.contains(key(word));
  }

  /** Whether any place, of any kind, is named so: the cheap test before resolving. */
  boolean knows(String name) {
    String k = key(name);
    return countries.containsKey(k) || regions.containsKey(k) || towns.containsKey(k) || aliases.containsKey(k);
  }

  static String key(String name) {
    StringBuilder ascii = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); i++) { // the common case, plain ASCII, without a normalizer or a regex
      char c = name.charAt(i);
      if (c >= 128) {
        return normalizedKey(name);
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && ascii.length() > 0) {
          ascii.append(' ');
        }
        ascii.append(Character.toLowerCase(c));
        space = false;
      } else if (c != '\'' && c != '`') {
        space = true;
      }
    }
    return ascii.toString();
  }

  private static String normalizedKey(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    s = APOSTROPHES.matcher(s).replaceAll("");
    return SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** "Northern Darfur" is also "North Darfur", and the other way round. */
  private static List<String> compassVariants(String name) {
    List<String> out = new ArrayList<>(List.of(name));
    for (String[] pair : new String[][] {{"Northern ", "North "}, {"Southern ", "South "}, {"Eastern ", "East "}, {"Western ", "West "}}) {
      if (name.startsWith(pair[0])) {
        out.add(pair[1] + name.substring(pair[0].length()));
      } else if (name.startsWith(pair[1])) {
        out.add(pair[0] + name.substring(pair[1].length()));
      }
    }
    return out;
  }

  private void add(Map<String, List<Place>> index, String name, Place place) {
    String k = key(name);
    int space = k.indexOf(' ');
    firstWords.add(space < 0 ? k : k.substring(0, space));
    List<Place> list = index.computeIfAbsent(k, x -> new ArrayList<>(1));
    if (!list.contains(place)) {
      list.add(place);
    }
  }

  private static Places load() {
    Places places = new Places();
    Gazetteer.read("countries.tsv", c -> {
      Place country = new Place(Kind.COUNTRY, c[0], c[1], c[0], null, null, null, 0);
      places.byId.put(country.id(), country);
      places.add(places.countries, c[1], country);
      if (c.length > 2) {
        for (String other : c[2].split(";")) {
          if (!other.isBlank()) {
            places.add(places.countries, other.trim(), country);
          }
        }
      }
    });
    Gazetteer.read("places.tsv", c -> {
      boolean region = c[0].equals("R");
      Place p = new Place(region ? Kind.REGION : Kind.TOWN, c[1], c[2], c[3], region ? c[1] : (c[4].isEmpty() ? null : c[4]),
          Double.valueOf(c[5]), Double.valueOf(c[6]), c.length > 7 ? Long.parseLong(c[7]) : 0);
      places.byId.put(p.id(), p);
      if (region) {
        String base = REGION_WORD.matcher(c[2].replaceFirst("^Muhafazat\\s+", "")).replaceAll("");
        for (String name : List.of(c[2], base)) {
          compassVariants(name).forEach(n -> places.add(places.regions, n, p));
        }
      } else {
        places.add(places.towns, c[2], p);
      }
    });
    Gazetteer.read("place-aliases.tsv", c -> {
      Place p = places.byId.get(c[1]);
      if (p == null) {
        throw new IllegalStateException("place-aliases.tsv: no place " + c[1] + " for " + c[0]);
      }
      places.add(places.aliases, c[0], p);
    });
    return places;
  }
}
