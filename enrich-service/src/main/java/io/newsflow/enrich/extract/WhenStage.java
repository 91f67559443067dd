package io.newsflow.enrich.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a figure's event happened, as its sentence says it, resolved against the day the article
 * was published: "on Monday" (the most recent Monday on or before that day), "yesterday",
 * "overnight", "last week", "on December 14 and 15", "since October 7" (a running total, so
 * cumulative), "since the war began" (cumulative, no date). Each rule is a pattern and how it
 * resolves; of the expressions in the sentence, the one nearest the figure wins. Precision first:
 * no date is better than a wrong one, so these are no event date: the dateline ("KYIV, Dec 16
 * (Reuters) -"), the day something was said ("officials said on Thursday"), a date without the
 * publication day to resolve it against.
 */
final class WhenStage {

  /** The days a figure's event happened ({@code to} == {@code from} for one day), or only that it is a running total. */
  record When(LocalDate from, LocalDate to, boolean cumulative) {
    static final When CUMULATIVE = new When(null, null, true);
  }

  /** {@code needs}: the kinds of word (see {@link #kinds}) of which the sentence must hold one for the rule to be tried. */
  private record Rule(String name, String needs, Pattern pattern, BiFunction<Matcher, LocalDate, When> resolve) {}

  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
  private static final String YEAR = "(?:,?\\s+(\\d{4}))?";
  private static final String AND = "\\s*(?:and|to|-|–|through)\\s*";
  private static final String PART_OF_DAY = "(?:\\s+(?:morning|afternoon|evening|night))?";
  private static final String WAR = "(?:the\\s+)?(?:war|conflict|invasion|fighting|offensive|hostilities|uprising|crisis|siege)";

  private static final List<Rule> RULES = List.of(
      rule("since-war-began", "S", "since\\s+(?:the\\s+(?:start|beginning|outbreak)\\s+of\\s+" + WAR + "|" + WAR
          + "\\s+(?:began|started|broke\\s+out|erupted))", (m, day) -> When.CUMULATIVE),
      rule("since-date", "S", "since\\s+" + MONTH + "\\s+" + DAY + YEAR,
          (m, day) -> since(monthDay(m.group(1), m.group(2), m.group(3), day), day)),
      rule("since-date", "S", "since\\s+" + DAY + "\\s+" + MONTH + YEAR,
          (m, day) -> since(monthDay(m.group(2), m.group(1), m.group(3), day), day)),
      rule("so-far-this-year", "R", "so\\s+far\\s+this\\s+year|this\\s+year\\s+so\\s+far|since\\s+the\\s+start\\s+of\\s+the\\s+year",
          (m, day) -> since(day.withDayOfYear(1), day)),
      rule("month-day", "M", "(?:on\\s+)?" + MONTH + "\\s+" + DAY + "(?:" + AND + DAY + ")?" + YEAR,
          (m, day) -> days(monthDay(m.group(1), m.group(2), m.group(4), day), m.group(3))),
      rule("day-month", "M", "(?:on\\s+)?(?:the\\s+)?" + DAY + "(?:" + AND + DAY + ")?\\s+(?:of\\s+)?" + MONTH + YEAR,
          (m, day) -> days(monthDay(m.group(3), m.group(1), m.group(4), day), m.group(2))),
      rule("weekday", "D", "(?:on\\s+|late\\s+|early\\s+)?(?:last\\s+)?" + WEEKDAY + PART_OF_DAY + "(?:" + AND + WEEKDAY + ")?" + PART_OF_DAY,
          (m, day) -> weekdays(m.group(1), m.group(2), day)),
      rule("overnight", "N", "overnight|during\\s+the\\s+night", (m, day) -> new When(day.minusDays(1), day, false)),
      rule("yesterday", "YN", "yesterday|last\\s+night", (m, day) -> one(day.minusDays(1))),
      rule("today", "T", "today|this\\s+morning|earlier\\s+today|tonight", (m, day) -> one(day)),
      rule("last-weekend", "W", "(?:last|over\\s+the)\\s+weekend",
          (m, day) -> {
            LocalDate saturday = day.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
            return new When(saturday, saturday.plusDays(1), false);
          }),
      rule("last-week", "W", "last\\s+week|the\\s+previous\\s+week", (m, day) -> {
        LocalDate monday = day.with(DayOfWeek.MONDAY).minusWeeks(1);
        return new When(monday, monday.plusDays(6), false);
      }),
      rule("this-week", "W", "this\\s+week|earlier\\s+this\\s+week", (m, day) -> new When(day.with(DayOfWeek.MONDAY), day, false)),
      rule("last-month", "O", "last\\s+month", (m, day) -> {
        LocalDate first = day.withDayOfMonth(1).minusMonths(1);
        return new When(first, first.with(TemporalAdjusters.lastDayOfMonth()), false);
      }),
      rule("this-month", "O", "earlier\\s+this\\s+month|this\\s+month", (m, day) -> new When(day.withDayOfMonth(1), day, false)));

  /** A speech verb just before an expression: "said on Thursday" dates the statement, not the event. */
  private static final Pattern SAID_BEFORE = Pattern.compile(
      "\\b(?:said|says|told|reported|announced|stated|added|confirmed|wrote|posted)(?:\\s+(?:\\w+\\s+){0,3}?)?\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** A wire dateline opening the text: "KYIV, Dec 16 (Reuters) -", "GAZA CITY (AP) —". */
  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*[A-Z][A-Z .'-]+(?:,\\s*[A-Za-z .]+)?(?:,?\\s*" + MONTH + "\\s+\\d{1,2})?\\s*(?:\\((?:Reuters|AP|AFP|dpa|Xinhua)\\))?\\s*[-–—]+\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final int DATELINE_LONGEST = 80;
  private static final Pattern DASH = Pattern.compile("[-–—]");

  /** Where the text's dateline ends (0 when it has none): nothing before it dates a figure. */
  static int datelineEnd(CharSequence text) {
    // a dateline is short: the pattern's case-blind letter runs would otherwise backtrack through the whole first sentence
    CharSequence head = text.subSequence(0, Math.min(text.length(), DATELINE_LONGEST));
    if (!DASH.matcher(head).find()) {
      return 0; // no dash, no dateline: the pattern's nested letter runs are not worth trying
    }
    Matcher m = DATELINE.matcher(head);
    if (!m.lookingAt()) {
      return 0;
    }
    // a dateline is upper case up to its comma or agency: "Officials said -" is no dateline
    String place = m.group().split("[,(]")[0].trim();
    return place.equals(place.toUpperCase(Locale.ROOT)) && place.length() >= 3 ? m.end() : 0;
  }

  /** One expression a sentence holds, at chars [start, end), resolved (null: it dates nothing). */
  private record Found(int start, int end, When when) {}

  /** The article being read: its sentences' expressions are found once, whatever the number of figures in them. */
  private CharSequence text;
  private LocalDate published;
  private int body;
  private final Map<Long, List<Found>> bySentence = new HashMap<>();

  /** Starts an article whose dateline ends at {@code datelineEnd}: {@code published} null resolves nothing but running totals. */
  void startArticle(CharSequence text, LocalDate published, int datelineEnd) {
    this.text = text;
    this.published = published;
    this.body = datelineEnd;
    bySentence.clear();
  }

  /** The event days of the figure at chars [figureStart, figureEnd) of the sentence at [sentenceStart, sentenceEnd), or null. */
  When find(int sentenceStart, int sentenceEnd, int figureStart, int figureEnd) {
    When best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Found f : bySentence.computeIfAbsent(((long) sentenceStart << 32) | sentenceEnd, k -> found(sentenceStart, sentenceEnd))) {
      int distance = f.start() >= figureEnd ? f.start() - figureEnd : figureStart >= f.end() ? figureStart - f.end() : 0;
      if (f.when() != null && distance < bestDistance) {
        best = f.when();
        bestDistance = distance;
      }
    }
    return best;
  }

  private List<Found> found(int sentenceStart, int sentenceEnd) {
    int from = Math.max(sentenceStart, body);
    CharSequence sentence = text.subSequence(from, Math.max(from, sentenceEnd));
    List<Found> out = new ArrayList<>();
    String kinds = kinds(sentence); // one scan decides which rules can match: most sentences say no when
    for (Rule rule : RULES) {
      if (rule.needs().chars().noneMatch(k -> kinds.indexOf(k) >= 0)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(sentence);
      while (m.find()) {
        int s = from + m.start();
        int e = from + m.end();
        if (out.stream().anyMatch(f -> s < f.end() && f.start() < e)) {
          continue; // a longer rule already read these words ("since October 7" is not "October 7")
        }
        boolean said = SAID_BEFORE.matcher(text.subSequence(Math.max(from, s - 40), s)).find();
        When when = said || published == null && !rule.name().equals("since-war-began") ? null : resolve(rule, m, published);
        out.add(new Found(s, e, when));
      }
    }
    return out;
  }

  private static When resolve(Rule rule, Matcher m, LocalDate published) {
    try {
      return rule.resolve().apply(m, published);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null; // "February 30": no such day, no date
    }
  }

  private static Rule rule(String name, String needs, String regex, BiFunction<Matcher, LocalDate, When> resolve) {
    return new Rule(name, needs, Pattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE), resolve);
  }

  /**
   * The kinds of word a sentence holds that rules need, one letter each: M a month, D a weekday,
   * S "since", N "night", Y "yesterday", T "today", W "week", O "month", R "year". Read word by
   * word (a regex over the sentence would try every character).
   */
  private static String kinds(CharSequence sentence) {
    StringBuilder kinds = new StringBuilder();
    int i = 0;
    while (i < sentence.length()) {
      if (!Character.isLetter(sentence.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < sentence.length() && Character.isLetter(sentence.charAt(end))) {
        end++;
      }
      String word = sentence.subSequence(i, end).toString();
      Character kind = KIND_OF_WORD.get(word.toLowerCase(Locale.ROOT));
      boolean capitalised = Character.isUpperCase(word.charAt(0));
      if (kind != null && (capitalised || (kind != 'M' && kind != 'D')) && kinds.indexOf(String.valueOf(kind)) < 0) {
        kinds.append(kind.charValue());
      }
      i = end;
    }
    return kinds.toString();
  }

  /** The words of {@link #kinds}: months and weekdays count only capitalised ("may" is a verb). */
  private static final Map<String, Character> KIND_OF_WORD = kindOfWord();

  private static Map<String, Character> kindOfWord() {
    Map<String, Character> kinds = new HashMap<>();
    String[][] words = {
        {"M", "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october"
            + " nov november dec december"},
        {"D", "monday tuesday wednesday thursday friday saturday sunday"}, {"S", "since"}, {"N", "night overnight"},
        {"Y", "yesterday"}, {"T", "today tonight morning"}, {"W", "week weekend"}, {"O", "month"}, {"R", "year"}};
    for (String[] kind : words) {
      for (String word : kind[1].split(" ")) {
        kinds.put(word, kind[0].charAt(0));
      }
    }
    return kinds;
  }


  private static When one(LocalDate day) {
    return new When(day, day, false);
  }

  private static When since(LocalDate start, LocalDate published) {
    return start == null || start.isAfter(published) ? null : new When(start, published, true);
  }

  /** One day, or a range to {@code lastDay} of the same month ("December 14 and 15"). */
  private static When days(LocalDate first, String lastDay) {
    if (first == null) {
      return null;
    }
    int last = lastDay == null ? first.getDayOfMonth() : Integer.parseInt(lastDay);
    return last < first.getDayOfMonth() ? null : new When(first, first.withDayOfMonth(last), false);
  }

  /** The most recent such day on or before publication, in the year given or the one that makes it so. */
  private static LocalDate monthDay(String month, String day, String year, LocalDate published) {
    Month m = month(month);
    int d = Integer.parseInt(day);
    if (year != null) {
      return LocalDate.of(Integer.parseInt(year), m, d);
    }
    LocalDate date = MonthDay.of(m, d).atYear(published.getYear());
    return date.isAfter(published) ? date.minusYears(1) : date;
  }

  private static When weekdays(String first, String last, LocalDate published) {
    LocalDate start = published.with(TemporalAdjusters.previousOrSame(weekday(first)));
    if (last == null) {
      return one(start);
    }
    LocalDate end = published.with(TemporalAdjusters.previousOrSame(weekday(last)));
    if (end.isBefore(start)) { // "Saturday and Sunday" read on a Sunday: the weekend just past
      start = start.minusWeeks(1);
    }
    return new When(start, end, false);
  }

  private static Month month(String name) {
    String p = name.toLowerCase(Locale.ROOT).substring(0, 3);
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).startsWith(p)) {
        return m;
      }
    }
    throw new NumberFormatException(name);
  }

  private static DayOfWeek weekday(String name) {
    return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
