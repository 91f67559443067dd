package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorStats;
import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyStats;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.CoActor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One actor's running statistics, as the aggregation keeps them: every part can be added
 * to and subtracted from, so re-ingesting an article changes nothing and a correction replaces
 * its earlier contribution. Counts are exact. Extremes (first/last seen, latest and highest
 * figure) cannot be subtracted from a single number, so the accumulator keeps the best
 * {@value #KEPT} candidates of each: it stays exact until more than that many of the top
 * reports are retracted. Figures are never summed across articles.
 *
 * <p>It lives in memory between commits ({@link ActorStatsStore}) and remembers which of its
 * parts an update changed, so a commit writes only those: the store holds it as small records
 * (totals and extremes, one per casualty type, one per co-actor, one per day; see
 * {@link ActorStateLayout}), and neither an update nor a commit costs more for an actor that
 * has accumulated more.
 */
public final class ActorAccumulator {

  /** Candidates kept per extreme. */
  public static final int KEPT = 8;

  public String actorId;
  public String name;
  public ActorType type;
  public String affiliation;
  public long articles;
  public long mentions;
  public long updatedAt;
  public final CoActorCounts coActors;
  public HashMap<CasualtyType, TypeStats> casualties = new HashMap<>();
  public List<Seen> earliest = new ArrayList<>();
  public List<Seen> latest = new ArrayList<>();
  /**
   * Daily counts (UTC, yyyy-MM-dd) within the timeline retention, readers sort the days: articles
   * and mentions by publication day, reports by their event's day when the text gives one.
   */
  public HashMap<String, DayCounts> days = new HashMap<>();
  /** The first day of the timeline when days were last dropped. */
  public String timelineStart;

  /** Whether the totals or extremes changed since the last write, and which other parts did (co-actors track their own). */
  boolean totalsChanged;
  final Set<CasualtyType> changedTypes = EnumSet.noneOf(CasualtyType.class);
  final Set<String> changedDays = new HashSet<>();
  /** Reports added (true) and taken back (false) since the last write, in order: the history of reported figures. */
  final List<ReportChange> reportChanges = new ArrayList<>();

  /** One report of the history added or taken back. */
  record ReportChange(CasualtyType type, Figure figure, boolean added) {}

  /** When an article mentioning the actor was published. */
  public record Seen(long at, String articleId) {}

  /**
   * Per casualty type: how many articles reported one, the candidates for latest and highest, and
   * per claimant (key {@value #NO_CLAIMANT} when the text names none) the candidates for its latest.
   */
  public static final class TypeStats {
    public long reports;
    public List<Figure> latest = new ArrayList<>();
    public List<Figure> highest = new ArrayList<>();
    public HashMap<String, List<Figure>> latestByClaimant = new HashMap<>();
    /** Reports per outlet (an article without a url has none): its size is the number of distinct outlets. */
    public HashMap<String, Long> reportsByOutlet = new HashMap<>();
  }

  /** The claimant key of a figure whose text says nobody claims it. */
  public static final String NO_CLAIMANT = "";

  /** One day of the timeline. */
  public static final class DayCounts {
    public long articles;
    public long mentions;
    public HashMap<CasualtyType, Long> reports = new HashMap<>();
  }

  /** An accumulator on its own, as a test or a view builds one. */
  public ActorAccumulator() {
    this(new ActorIndex(id -> null));
  }

  /** An accumulator whose co-actors share a task's index. */
  ActorAccumulator(ActorIndex index) {
    this.coActors = new CoActorCounts(index);
  }

  /** Each day's name, once: see {@link #day}. */
  private static final ConcurrentHashMap<Long, String> DAY_NAMES = new ConcurrentHashMap<>();
  private static final Comparator<Seen> EARLIEST = Comparator.comparingLong(Seen::at).thenComparing(Seen::articleId);
  private static final Comparator<Figure> MOST_RECENT =
      Comparator.comparing(Figure::reportedAt).reversed().thenComparing(Figure::articleId);
  private static final Comparator<Figure> HIGHEST =
      Comparator.comparingLong(Figure::value).reversed().thenComparing(MOST_RECENT);

  /**
   * Adds an article's contribution, its co-actors the other actors in {@code named}; days before
   * {@code timelineFrom} stay out of the timeline.
   */
  public ActorAccumulator add(ActorContribution c, List<NamedActor> named, long timelineFrom, long now) {
    actorId = c.actorId();
    name = c.name();
    type = c.type();
    affiliation = c.affiliation();
    articles++;
    mentions += c.mentions();
    updatedAt = now;
    totalsChanged = true;
    coActors.countWith(named, c.actorId(), 1);
    Seen seen = new Seen(c.seenAt(), c.articleId());
    insert(earliest, seen, EARLIEST);
    insert(latest, seen, EARLIEST.reversed());
    String seenDay = day(c.seenAt());
    DayCounts day = c.seenAt() >= timelineFrom ? days.computeIfAbsent(seenDay, d -> new DayCounts()) : null;
    if (day != null) {
      day.articles++;
      day.mentions += c.mentions();
      changedDays.add(seenDay);
    }
    for (Map.Entry<CasualtyType, Figure> e : c.figures().entrySet()) {
      TypeStats stats = casualties.computeIfAbsent(e.getKey(), t -> new TypeStats());
      changedTypes.add(e.getKey());
      stats.reports++;
      insert(stats.latest, e.getValue(), MOST_RECENT);
      insert(stats.highest, e.getValue(), HIGHEST);
      reportChanges.add(new ReportChange(e.getKey(), e.getValue(), true));
      if (e.getValue().outlet() != null) {
        stats.reportsByOutlet.merge(e.getValue().outlet(), 1L, Long::sum);
      }
      insert(stats.latestByClaimant.computeIfAbsent(claimant(e.getValue()), k -> new ArrayList<>()), e.getValue(), MOST_RECENT);
      long reportDay = reportDay(e.getValue(), c.seenAt());
      if (reportDay >= timelineFrom) {
        String name = day(reportDay);
        days.computeIfAbsent(name, d -> new DayCounts()).reports.merge(e.getKey(), 1L, Long::sum);
        changedDays.add(name);
      }
    }
    String firstDay = day(timelineFrom);
    if (!firstDay.equals(timelineStart)) { // days fall out of the timeline once a day, not once an update
      days.keySet().removeIf(d -> {
        boolean old = d.compareTo(firstDay) < 0;
        if (old) {
          changedDays.add(d);
        }
        return old;
      });
      timelineStart = firstDay;
    }
    return this;
  }

  /** Takes back a contribution added before with the actors {@code named} then (the article was corrected or deleted). */
  public ActorAccumulator subtract(ActorContribution c, List<NamedActor> named, long now) {
    articles--;
    mentions -= c.mentions();
    updatedAt = now;
    totalsChanged = true;
    coActors.countWith(named, c.actorId(), -1);
    earliest.removeIf(s -> s.articleId().equals(c.articleId()));
    latest.removeIf(s -> s.articleId().equals(c.articleId()));
    String seenDay = day(c.seenAt());
    DayCounts day = days.get(seenDay);
    if (day != null) {
      day.articles--;
      day.mentions -= c.mentions();
      changedDays.add(seenDay);
    }
    for (CasualtyType t : c.figures().keySet()) {
      TypeStats stats = casualties.get(t);
      changedTypes.add(t);
      reportChanges.add(new ReportChange(t, c.figures().get(t), false));
      if (stats != null) {
        stats.reports--;
        stats.latest.removeIf(r -> r.articleId().equals(c.articleId()));
        stats.highest.removeIf(r -> r.articleId().equals(c.articleId()));
        String outlet = c.figures().get(t).outlet();
        if (outlet != null) {
          stats.reportsByOutlet.computeIfPresent(outlet, (o, n) -> n > 1 ? n - 1 : null);
        }
        List<Figure> claimed = stats.latestByClaimant.get(claimant(c.figures().get(t)));
        if (claimed != null) {
          claimed.removeIf(r -> r.articleId().equals(c.articleId()));
          if (claimed.isEmpty()) {
            stats.latestByClaimant.remove(claimant(c.figures().get(t)));
          }
        }
        if (stats.reports <= 0) {
          casualties.remove(t);
        }
      }
      String reportDay = day(reportDay(c.figures().get(t), c.seenAt()));
      DayCounts counts = days.get(reportDay);
      if (counts != null) {
        counts.reports.computeIfPresent(t, (k, n) -> n > 1 ? n - 1 : null);
        changedDays.add(reportDay);
        removeIfEmpty(reportDay, counts);
      }
    }
    if (day != null) {
      removeIfEmpty(seenDay, day);
    }
    return this;
  }

  private void removeIfEmpty(String name, DayCounts day) {
    if (day.articles <= 0 && day.reports.isEmpty()) {
      days.remove(name);
    }
  }

  /** The day a report counts on in the timeline: its event's first day when the text says it, else its publication day. */
  private static long reportDay(Figure f, long seenAt) {
    return f.eventDate() != null ? f.eventDate().toEpochDay() * 86_400_000L : seenAt;
  }

  private static <T> void insert(List<T> list, T item, Comparator<T> order) {
    if (list.size() == KEPT && order.compare(list.get(KEPT - 1), item) <= 0) {
      return; // the common case for most extremes: not among the best
    }
    int at = 0;
    while (at < list.size() && order.compare(list.get(at), item) <= 0) {
      at++;
    }
    if (at < KEPT) {
      list.add(at, item);
      if (list.size() > KEPT) {
        list.remove(list.size() - 1);
      }
    }
  }

  private static String claimant(Figure f) {
    return f.claimedBy() == null ? NO_CLAIMANT : f.claimedBy();
  }

  /**
   * The UTC day of {@code epochMillis}, yyyy-MM-dd, as one String instance per day: an update finds
   * its day in {@link #days} by identity and a cached hash instead of formatting and comparing a
   * new string each time (the days an article stream names are a few thousand at most).
   */
  static String day(long epochMillis) {
    return DAY_NAMES.computeIfAbsent(Math.floorDiv(epochMillis, 86_400_000L), d -> LocalDate.ofEpochDay(d).toString());
  }

  /** Forgets what changed: it was written. */
  void written() {
    totalsChanged = false;
    changedTypes.clear();
    changedDays.clear();
    reportChanges.clear();
  }

  public boolean isEmpty() {
    return articles <= 0;
  }

  /** What the statistics show for one casualty type; {@code latestByClaimant}: each claimant's latest figure, by claimant (none stated first). */
  public record TypeSummary(CasualtyType type, long reports, Figure latest, Figure highest, List<Figure> latestByClaimant,
      int outlets) {}

  /** Per casualty type (in type order): reports, the latest and the highest figure; what the topic and the HTTP view show. */
  public List<TypeSummary> figures() {
    List<TypeSummary> figures = new ArrayList<>();
    new TreeMap<>(casualties).forEach((t, s) -> {
      if (!s.latest.isEmpty() && !s.highest.isEmpty()) {
        List<Figure> byClaimant = new ArrayList<>();
        new TreeMap<>(s.latestByClaimant).forEach((claimant, candidates) -> byClaimant.add(candidates.get(0)));
        figures.add(new TypeSummary(t, s.reports, s.latest.get(0), s.highest.get(0), byClaimant, s.reportsByOutlet.size()));
      }
    });
    return figures;
  }

  /** The public record on news.actor-stats, or null (a tombstone) once no article names the actor. */
  public ActorStats toStats(int topCoActors) {
    if (isEmpty()) {
      return null;
    }
    List<CoActor> co = coActors.top(topCoActors).stream().map(e -> new CoActor(e.id(), e.articles())).toList();
    List<CasualtyStats> casualtyStats = figures().stream()
        .map(f -> new CasualtyStats(f.type(), f.reports(), f.latest().toAvro(), f.highest().toAvro())).toList();
    return new ActorStats(actorId, name, type, affiliation, articles, mentions,
        Instant.ofEpochMilli(earliest.isEmpty() ? 0 : earliest.get(0).at()),
        Instant.ofEpochMilli(latest.isEmpty() ? 0 : latest.get(0).at()), new ArrayList<>(co), new ArrayList<>(casualtyStats),
        Instant.ofEpochMilli(updatedAt));
  }
}
