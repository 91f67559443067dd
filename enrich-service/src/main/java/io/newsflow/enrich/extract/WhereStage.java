package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.Places.Kind;
import io.newsflow.enrich.extract.Places.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a figure's event happened, as its sentence says it ("in the Kursk region", "near Khan
 * Younis", "in Borno state's Gwoza district"), or failing that its paragraph when that names one
 * place only. Only a place after a locative word counts ("in", "near", "outside", "north of"), so a
 * demonym or an actor is never a place. Precision first, a wrong place being worse than none: the
 * dateline is no place, nor where someone spoke ("told reporters in Geneva"), and a name several
 * places share is resolved by the countries the article names, else by one town ten times the
 * size of every other, else left null.
 */
final class WhereStage {

  /** One place the text names, at chars [start, end). */
  record Named(int start, int end, Place place) {}

  private static final String COMPASS = "(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)";
  private static final String KINDS = "city|town|village|port\\s+city|port|capital|region|province|state|governorate|district|area"
      + "|oblast|enclave|territory|refugee\\s+camp|camp|centre|center|heart|outskirts|suburbs?|parts?";
  /**
   * The words before a place: a preposition ("in", "near", "north of"), the object of an attack
   * ("shelling of", "pounded"), where people fled from or troops were sent to; then "the", adjectives
   * and a kind of place ("the southern Lebanese city of").
   */
  private static final Pattern LOCATIVE = Pattern.compile( // no lookbehind: it would be tried at every character
      "\\b(?:(?:(?i:(?:on\\s+)?the\\s+outskirts\\s+of|" + COMPASS + "\\s+of|in|near|outside|around|across|on|inside|into|through(?:out)?|off)"
      + "|(?i:shelling|bombing|bombardments?|attacks?|strikes?|siege|assault|raids?|invasion|offensive|capture|fall)\\s+of"
      + "|(?:displaced|fled|evacuated|driven|uprooted|expelled)\\s+from"
      + "|(?:sent|deployed|dispatched|transferred|redeployed|moved)\\b[^.;]{0,60}?\\bto"
      + "|pounded|hit|struck|shelled|bombed|attacked|stormed|targeted|raided|rocked|devastated|swept)\\s+"
      + ")(?:(?:the|a|an)\\s+)?(?:(?:" + COMPASS + "(?:ern)?|central|besieged|embattled|front-?line|coastal|border|key|strategic"
      + "|occupied|disputed|breakaway|restive|neighbou?ring|northernmost|southernmost|[A-Z][a-z]+-(?:occupied|held|controlled))"
      + "(?:\\s+and)?\\s+)*"
      + "(?:(?:[a-z]+\\s+)?(?:(?:U\\.S\\.|US|UK|\\p{Lu}\\p{Ll}+)\\s+)?(?<kind>" + KINDS + ")\\s+of\\s+)?");
  /** A part of a place named before the place: "the Jaffa area of Tel Aviv", "the Wayanad district of India's Kerala state". */
  private static final Pattern PART_OF = Pattern.compile("\\s+(?:area|district|neighbou?rhood|suburb|quarter|camp)\\s+of\\s+(?:the\\s+)?");
  /** A figure's sentence that opens on another event: the paragraph's earlier places are not its own. */
  private static final Pattern ANOTHER_EVENT = Pattern.compile("^\\s*(?:Separately|Elsewhere|Meanwhile|In a separate|In another|Also)\\b");
  /** Up to four capitalised words ("El Fasher", "Gaza Strip", "Kursk Oblast"), joined by an Arabic article or "of". */
  private static final String CAPITALISED = "\\p{Lu}[\\p{L}-]*(?:['’](?!s\\b)[\\p{L}-]+)*"; // "Kramators'k", not "Russia's"
  private static final Pattern NAME = Pattern.compile("(?:(?:al|el|an|ar|as|ad|az|ash|at)-)?" + CAPITALISED
      + "(?:\\s+(?:(?:al|el|de|del|do|da|dos|la|of|and|ad|an|ar|as|ash|az)[\\s-])?" + CAPITALISED + "){0,3}");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Set<String> REGION_WORDS = Set.of("region", "oblast", "province", "governorate", "state", "krai",
      "prefecture", "county");
  /** "Gwoza district", "the city of": a word after which a town is meant. */
  private static final Set<String> TOWN_WORDS = Set.of("district", "city", "town", "village", "area");
  /** Regions whose bare name means something broader, or a sea or river, far more often than the region. */
  private static final Set<String> NOT_BARE_REGIONS = Set.of("sahel", "centre", "center", "central", "nord", "sud", "est", "ouest",
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "delta", "plateau", "coast", "lakes",
      "unity", "capital", "mon", "bay", "bari", "upper", "lower", "middle", "islands", "highlands", "littoral", "red sea",
      "white nile", "river nile", "interior", "mountain", "north east", "north west", "south east", "south west");
  /** A speech or a visit just before: "told reporters in Geneva" places the speaker, not the event. */
  private static final Pattern SPOKEN_BEFORE = Pattern.compile(
      "\\b(?:said|says|told|speaking|spoke|speech|addressing|briefing|conference|statement|interview|announced|visit|visited"
      + "|visiting|based|headquartered|summit|talks|meeting|hearing|reported|reporters)(?:\\s+\\S+){0,2}\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final double DOMINANT = 10.0;
  private static final Pattern COMPASS_OF = Pattern.compile("\\s*,\\s*(?:\\d+\\s*(?:km|kilometres|kilometers|miles)\\s+)?" + COMPASS + "\\s+of\\b",
      Pattern.CASE_INSENSITIVE);
  /** What may stand between two places that describe one ("in the Kharkiv region, in north-eastern Ukraine"). */
  private static final Pattern APPOSITION = Pattern.compile(
      "\\s*(?:region|oblast|province|state|governorate)?\\s*,?\\s*(?:(?:in|near)\\s+)?(?:the\\s+)?(?:(?:" + COMPASS + "(?:ern)?|central)\\s+)*");

  private final Places places;

  WhereStage(Places places) {
    this.places = places;
  }

  /**
   * The place of the figure at chars [figureStart, figureEnd) of the sentence [sentenceStart,
   * sentenceEnd) in the paragraph [paragraphStart, paragraphEnd) of the article started last, or null.
   */
  Place find(int sentenceStart, int sentenceEnd, int paragraphStart, int paragraphEnd, int figureStart, int figureEnd) {
    List<Named> inParagraph = byParagraph.computeIfAbsent(((long) paragraphStart << 32) | paragraphEnd,
        k -> named(Math.max(body, paragraphStart), paragraphEnd));
    List<Named> inSentence = within(inParagraph, sentenceStart, sentenceEnd);
    if (!inSentence.isEmpty()) {
      Named nearest = inSentence.stream().min(Comparator.comparingInt(n -> distance(n, figureStart, figureEnd))).orElseThrow();
      return narrowest(nearest.place(), inSentence.stream().filter(n -> apposed(text, n, nearest)).toList());
    }
    if (ANOTHER_EVENT.matcher(text.subSequence(sentenceStart, sentenceEnd)).lookingAt()) {
      return null;
    }
    // the sentences before it in its paragraph, when all they name is one place or places inside one another
    List<Named> before = within(inParagraph, paragraphStart, sentenceStart);
    Place widest = before.stream().map(Named::place).reduce((a, b) -> inside(a, b) ? b : a).orElse(null);
    if (widest == null || before.stream().anyMatch(n -> !n.place().equals(widest) && !inside(n.place(), widest))) {
      return null;
    }
    return narrowest(widest, before);
  }

  /** The most precise place named that lies in {@code place} ("in the Kursk region, in western Russia"), or {@code place}. */
  private static Place narrowest(Place place, List<Named> named) {
    Place best = place;
    for (Named n : named) {
      if (inside(n.place(), best)) {
        best = n.place();
      }
    }
    return best;
  }

  /** A country the article names ("Ukraine", "Ukrainian", "Kyiv" all name ukraine), at chars [start, end). */
  record CountryMention(int start, int end, String countryId) {}

  /** The article being read, its dateline's end and its country mentions; the places each paragraph names, found once. */
  private CharSequence text;
  private int body;
  private List<CountryMention> countries;
  private final Map<Long, List<Named>> byParagraph = new HashMap<>();

  /** Starts an article whose dateline ends at {@code datelineEnd} and whose country mentions are {@code countries}. */
  void startArticle(CharSequence text, int datelineEnd, List<CountryMention> countries) {
    this.text = text;
    this.body = datelineEnd;
    this.countries = countries;
    byParagraph.clear();
  }

  /** The places of a paragraph named inside chars [from, to). */
  private static List<Named> within(List<Named> named, int from, int to) {
    return named.stream().filter(n -> n.start() >= from && n.end() <= to).toList();
  }

  /** Every place named after a locative word in chars [from, to) of the article. */
  private List<Named> named(int from, int to) {
    List<Named> out = new ArrayList<>();
    if (from >= to || !mayNameAPlace(text, from, to)) {
      return out;
    }
    Matcher locative = LOCATIVE.matcher(text);
    for (int at = nextLocativeWord(text, from, to); at >= 0; at = nextLocativeWord(text, at, to)) {
      if (!locative.region(at, to).lookingAt()) {
        at = wordEnd(text, at, to);
        continue;
      }
      at = Math.max(locative.end(), wordEnd(text, at, to));
      if (SPOKEN_BEFORE.matcher(text.subSequence(Math.max(from, locative.start() - 40), locative.start())).find()) {
        continue;
      }
      Named last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && COMPASS_OF.matcher(text.subSequence(last.end(), locative.end())).lookingAt()) {
        continue; // "in Bat Yam, south of Tel Aviv": the second place only says where the first lies
      }
      Named n = nameAt(locative.end(), to, null, kindWord(locative.group("kind")));
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  /** The first words of {@link #LOCATIVE}'s alternatives: it is tried only where one stands. */
  private static final Set<String> LOCATIVE_WORDS = Set.of("on", "the", "north", "south", "east", "west", "northeast", "northwest",
      "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "in", "near", "outside", "around", "across",
      "inside", "into", "through", "throughout", "off", "shelling", "bombing", "bombardment", "bombardments", "attack", "attacks",
      "strike", "strikes", "siege", "assault", "raid", "raids", "invasion", "offensive", "capture", "fall", "displaced", "fled",
      "evacuated", "driven", "uprooted", "expelled", "sent", "deployed", "dispatched", "transferred", "redeployed", "moved",
      "pounded", "hit", "struck", "shelled", "bombed", "attacked", "stormed", "targeted", "raided", "rocked", "devastated", "swept");

  /** The start of the next word at or after {@code from} that may open a locative phrase, or -1. */
  private static int nextLocativeWord(CharSequence text, int from, int to) {
    int i = from;
    while (i < to) {
      if (!Character.isLetter(text.charAt(i)) || i > 0 && Character.isLetter(text.charAt(i - 1))) {
        i++;
        continue;
      }
      int end = i;
      while (end < to && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-')) {
        end++;
      }
      if (LOCATIVE_WORDS.contains(text.subSequence(i, end).toString().toLowerCase(java.util.Locale.ROOT))) {
        return i;
      }
      i = end;
    }
    return -1;
  }

  private static int wordEnd(CharSequence text, int at, int to) {
    int end = at;
    while (end < to && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return Math.max(end, at + 1);
  }

  /** Whether some capitalised word of chars [from, to) (or one after "al-") starts a place's name: most stretches fail fast. */
  private boolean mayNameAPlace(CharSequence text, int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      boolean wordStart = Character.isLetter(c) && (i == 0 || !Character.isLetter(text.charAt(i - 1)));
      int end = i;
      while (end < to && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'' || text.charAt(end) == '’')) {
        end++;
      }
      if (wordStart && (Character.isUpperCase(c) || end + 1 < to && text.charAt(end) == '-')
          && places.startsAName(text.subSequence(i, end).toString())) {
        return true;
      }
      i = Math.max(end, i + 1);
    }
    return false;
  }

  /** The place named at char {@code at}, with what follows it ("Russia's Kursk region", "Pokrovsk, Donetsk region"). */
  private Named nameAt(int at, int to, Place container, String kind) {
    Matcher name = NAME.matcher(text).region(at, to);
    if (!name.lookingAt()) {
      return null;
    }
    Matcher part = PART_OF.matcher(text).region(name.end(), to);
    if (part.lookingAt()) {
      Named whole = nameAt(part.end(), to, container, null);
      return whole == null ? null : new Named(name.start(), whole.end(), whole.place());
    }
    List<Integer> wordEnds = new ArrayList<>();
    Matcher w = WORD.matcher(text).region(name.start(), name.end());
    while (w.find()) {
      wordEnds.add(w.end());
    }
    for (int k = wordEnds.size(); k >= 1; k--) { // the longest run of words that names a place
      int end = wordEnds.get(k - 1);
      String words = text.subSequence(name.start(), end).toString();
      if (!places.knows(words)) {
        continue;
      }
      String next = nextWord(text, end, to);
      int stop = REGION_WORDS.contains(next) || TOWN_WORDS.contains(next) ? skipWord(text, end) : end;
      next = kind != null && stop == end ? kind : next;
      Named within = container == null ? containerAfter(stop, to) : null;
      if (within != null) { // "Tripoli, Lebanon" settles Tripoli; "Pokrovsk, Donetsk region"
        Place p = resolve(words, next, within.place(), name.start(), end);
        if (p != null) {
          return new Named(name.start(), within.end(), p);
        }
      }
      Place p = resolve(words, next, container, name.start(), end);
      if (p != null) {
        return p.kind() == Kind.TOWN ? new Named(name.start(), stop, p) : inner(name.start(), stop, to, p);
      }
    }
    return null;
  }

  /** ", Lebanon" or ", Donetsk region" after a name: the country or region it lies in, else null. */
  private Named containerAfter(int end, int to) {
    if (end + 2 > to || text.charAt(end) != ',' || text.charAt(end + 1) != ' ') {
      return null;
    }
    Named after = nameAt(end + 2, to, null, null);
    return after != null && after.place().kind() != Kind.TOWN ? after : null;
  }

  /** "Russia's Kursk region", "Borno state's Gwoza district": the place named inside a country or region. */
  private Named inner(int start, int end, int to, Place outer) {
    String rest = text.subSequence(end, Math.min(to, end + 3)).toString();
    boolean possessive = rest.startsWith("'s ") || rest.startsWith("’s ");
    Matcher capital = CAPITAL.matcher(text).region(possessive ? end + 2 : end, to);
    if (capital.lookingAt()) { // "Mali's capital Bamako", "the South Kordofan state capital Kadugli"
      Named inner = nameAt(capital.end(), to, outer, "town");
      if (inner != null) {
        return new Named(start, inner.end(), inner.place());
      }
    }
    if (possessive) {
      Matcher lead = LOCATIVE_LEAD.matcher(text).region(end + 3, to);
      int at = lead.lookingAt() ? lead.end() : end + 3;
      Named inner = nameAt(at, to, outer, lead.lookingAt() ? kindWord(lead.group("kind")) : null);
      if (inner != null) {
        return new Named(start, inner.end(), inner.place());
      }
    }
    return new Named(start, end, outer);
  }

  private static final Pattern CAPITAL = Pattern.compile("\\s+(?:regional\\s+|provincial\\s+)?capital,?\\s+");

  /** After "Russia's": adjectives and "city of" as after a locative word. */
  private static final Pattern LOCATIVE_LEAD = Pattern.compile(
      "(?:(?:" + COMPASS + "(?:ern)?|central|border|frontline|front-line)\\s+)*(?:(?<kind>city|town|village|region|province|state)\\s+of\\s+)?");

  /** "the region of", "the city of": which kind of place the name is, as a word {@link #resolve} knows; null when unsaid. */
  private static String kindWord(String kind) {
    if (kind == null) {
      return null;
    }
    String k = kind.toLowerCase(java.util.Locale.ROOT);
    return REGION_WORDS.contains(k) ? "region"
        : k.startsWith("port") || k.matches("capital|centre|center|heart|outskirts|suburbs?") || TOWN_WORDS.contains(k) ? "town" : null;
  }

  private Place resolve(String name, String next, Place container, int start, int end) {
    Set<String> named = namedCountries(countries, start, end);
    if (REGION_WORDS.contains(next)) {
      return pick(places.regions(name), named, container);
    }
    if (TOWN_WORDS.contains(next)) {
      return pick(places.towns(name), named, container);
    }
    if (places.aliasNamesRegion(name)) {
      return pick(places.regions(name), named, container);
    }
    List<Place> country = places.countries(name);
    if (!country.isEmpty() && container == null) {
      // "Georgia" is the country, unless the article names the US and not Georgia elsewhere
      List<Place> regions = places.regions(name).stream()
          .filter(r -> named.contains(r.countryId()) && country.stream().noneMatch(c -> named.contains(c.id()))).toList();
      return regions.size() == 1 ? regions.get(0) : pick(country, named, null);
    }
    List<Place> towns = places.towns(name);
    if (!towns.isEmpty()) {
      // "Montana" in an article that names the US is the state, not Bulgaria's town
      List<Place> regions = places.regions(name).stream().filter(r -> named.contains(r.countryId())).toList();
      boolean townInNamedCountry = towns.stream().anyMatch(t -> named.contains(t.countryId()));
      return container == null && !townInNamedCountry && regions.size() == 1 ? regions.get(0) : pick(towns, named, container);
    }
    boolean bare = places.aliasNamesRegion(name) || !NOT_BARE_REGIONS.contains(Places.key(name));
    return bare ? pick(places.regions(name), named, container) : null;
  }

  /** The one place among those a name fits: inside the container, else in a country the article names, else dominant. */
  private static Place pick(List<Place> candidates, Set<String> namedCountries, Place container) {
    List<Place> fit = candidates;
    if (container != null) {
      fit = candidates.stream().filter(p -> inside(p, container)).toList();
    } else {
      List<Place> named = candidates.stream().filter(p -> namedCountries.contains(p.countryId())).toList();
      if (!named.isEmpty()) {
        fit = named;
      }
    }
    if (fit.size() == 1) {
      return fit.get(0);
    }
    List<Place> bySize = fit.stream().sorted(Comparator.comparingLong(Place::population).reversed()).toList();
    if (bySize.size() > 1 && bySize.get(1).population() > 0 && bySize.get(0).population() >= DOMINANT * bySize.get(1).population()) {
      return bySize.get(0);
    }
    return null;
  }

  private static boolean inside(Place p, Place container) {
    return switch (container.kind()) {
      case COUNTRY -> p.countryId().equals(container.id());
      case REGION -> container.id().equals(p.regionId());
      case TOWN -> false;
    };
  }

  /** The countries the article names outside chars [start, end) (the name being resolved does not vouch for itself). */
  private static Set<String> namedCountries(List<CountryMention> countries, int start, int end) {
    Set<String> out = new java.util.HashSet<>();
    for (CountryMention m : countries) {
      if (m.end() <= start || m.start() >= end) {
        out.add(m.countryId());
      }
    }
    return out;
  }

  private static final Pattern NEXT_WORD = Pattern.compile("\\s+([A-Za-z]+)");

  private static String nextWord(CharSequence text, int end, int to) {
    Matcher m = NEXT_WORD.matcher(text).region(end, to);
    return m.lookingAt() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
  }

  private static int skipWord(CharSequence text, int end) {
    Matcher m = NEXT_WORD.matcher(text).region(end, text.length());
    return m.lookingAt() ? m.end() : end;
  }

  /** Whether two places of a sentence are one description: the same, or one right after the other as above. */
  private static boolean apposed(CharSequence text, Named a, Named b) {
    Named first = a.start() <= b.start() ? a : b;
    Named second = first == a ? b : a;
    return first == second || first.end() <= second.start()
        && APPOSITION.matcher(text.subSequence(first.end(), second.start())).matches();
  }

  private static int distance(Named n, int figureStart, int figureEnd) {
    return n.start() >= figureEnd ? n.start() - figureEnd : figureStart >= n.end() ? figureStart - n.end() : 0;
  }
}
