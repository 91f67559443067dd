package io.newsflow.aggregate.topology;

import io.newsflow.schema.ActorType;
import io.newsflow.schema.CasualtyType;
import io.newsflow.schema.Qualifier;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * The layout of each internal record ({@link BinaryFormat}). Fields go in declaration order;
 * a nullable field is a union index (0 null, 1 present) before its value, as Avro writes
 * {@code ["null", T]}; enums are written by name, so a new symbol in the public schema does not
 * shift stored ones; a list is its size, then its items. Two things keep records small:
 * a contribution's actor is written as its position in the article's list of named actors (the
 * list is in the same record; -1 and the key for a place's contribution), and a casualty type's figures are written once each, the
 * latest, highest and per-claimant candidates (mostly the same few figures) as positions in them.
 */
final class InternalFormats {

  private InternalFormats() {}

  static final BinaryFormat<ArticleChange> ARTICLE_CHANGE = new BinaryFormat<>("ArticleChange", (c, out) -> {
    writeNamed(c.namedBefore(), out);
    writeNamed(c.namedAfter(), out);
    out.writeInt(c.changes().size());
    for (ContributionChange change : c.changes()) {
      writeContribution(change.before(), c.namedBefore(), out);
      writeContribution(change.after(), c.namedAfter(), out);
    }
  }, in -> {
    List<NamedActor> before = readNamed(in);
    List<NamedActor> after = readNamed(in);
    int n = in.readInt();
    List<ContributionChange> changes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      changes.add(new ContributionChange(readContribution(before, in), readContribution(after, in)));
    }
    return new ArticleChange(before, after, changes);
  });

  static final BinaryFormat<ContributionDiffer.ArticleContributions> ARTICLE_CONTRIBUTIONS = new BinaryFormat<>(
      "ArticleContributions", (a, out) -> {
        writeNamed(a.named(), out);
        out.writeInt(a.contributions().size());
        for (ActorContribution c : a.contributions()) {
          writeContribution(c, a.named(), out);
        }
      }, in -> {
        List<NamedActor> named = readNamed(in);
        int n = in.readInt();
        List<ActorContribution> contributions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          contributions.add(readContribution(named, in));
        }
        return new ContributionDiffer.ArticleContributions(named, contributions);
      });

  static final BinaryFormat<ActorStateLayout.Totals> TOTALS = new BinaryFormat<>("Totals", (t, out) -> {
    out.writeString(t.actorId());
    writeNullable(t.name(), out);
    writeEnum(t.type(), out);
    writeNullable(t.affiliation(), out);
    out.writeLong(t.articles());
    out.writeLong(t.mentions());
    out.writeLong(t.updatedAt());
    writeSeen(t.earliest(), out);
    writeSeen(t.latest(), out);
    writeNullable(t.timelineStart(), out);
  }, in -> new ActorStateLayout.Totals(in.readString(), readNullable(in), readEnum(ActorType.class, in), readNullable(in),
      in.readLong(), in.readLong(), in.readLong(), readSeen(in), readSeen(in), readNullable(in)));

  static final BinaryFormat<ActorAccumulator.TypeStats> TYPE_STATS = new BinaryFormat<>("TypeStats", (s, out) -> {
    out.writeLong(s.reports);
    Map<Figure, Integer> table = new IdentityHashMap<>();
    List<Figure> distinct = new ArrayList<>();
    s.latest.forEach(f -> index(f, table, distinct));
    s.highest.forEach(f -> index(f, table, distinct));
    s.latestByClaimant.values().forEach(list -> list.forEach(f -> index(f, table, distinct)));
    out.writeInt(distinct.size());
    for (Figure f : distinct) {
      writeFigure(f, out);
    }
    writePositions(s.latest, table, out);
    writePositions(s.highest, table, out);
    out.writeInt(s.latestByClaimant.size());
    for (Map.Entry<String, List<Figure>> e : s.latestByClaimant.entrySet()) {
      out.writeString(e.getKey());
      writePositions(e.getValue(), table, out);
    }
    writeCounts(s.reportsByOutlet, out);
  }, in -> {
    ActorAccumulator.TypeStats s = new ActorAccumulator.TypeStats();
    s.reports = in.readLong();
    int n = in.readInt();
    List<Figure> distinct = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      distinct.add(readFigure(in));
    }
    s.latest = readPositions(distinct, in);
    s.highest = readPositions(distinct, in);
    int claimants = in.readInt();
    for (int i = 0; i < claimants; i++) {
      s.latestByClaimant.put(in.readString(), readPositions(distinct, in));
    }
    s.reportsByOutlet = readCounts(in);
    return s;
  });

  static final BinaryFormat<ActorAccumulator.DayCounts> DAY_COUNTS = new BinaryFormat<>("DayCounts", (d, out) -> {
    out.writeLong(d.articles);
    out.writeLong(d.mentions);
    out.writeInt(d.reports.size());
    for (Map.Entry<CasualtyType, Long> e : d.reports.entrySet()) {
      out.writeString(e.getKey().name());
      out.writeLong(e.getValue());
    }
  }, in -> {
    ActorAccumulator.DayCounts d = new ActorAccumulator.DayCounts();
    d.articles = in.readLong();
    d.mentions = in.readLong();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      d.reports.put(CasualtyType.valueOf(in.readString()), in.readLong());
    }
    return d;
  });

  static final BinaryFormat<ActorStateLayout.CoActorRecord> CO_ACTORS = new BinaryFormat<>("CoActorRecord", (r, out) -> {
    out.writeInt(r.generation());
    out.writeInt(r.ids().size());
    for (int i = 0; i < r.ids().size(); i++) {
      out.writeString(r.ids().get(i));
      out.writeLong(r.counts()[i]);
    }
  }, in -> {
    int generation = in.readInt();
    int n = in.readInt();
    List<String> ids = new ArrayList<>(n);
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      ids.add(in.readString());
      counts[i] = in.readLong();
    }
    return new ActorStateLayout.CoActorRecord(generation, ids, counts);
  });

  static final BinaryFormat<Figure> FIGURE = new BinaryFormat<>("Figure", InternalFormats::writeFigure, InternalFormats::readFigure);

  private static void writeFigure(Figure f, Encoder out) throws IOException {
    out.writeLong(f.value());
    writeEnum(f.qualifier(), out);
    writeNullable(f.valueMin(), out);
    writeNullable(f.valueMax(), out);
    writeNullable(f.claimedBy(), out);
    writeNullable(f.articleId(), out);
    out.writeLong(f.reportedAt().toEpochMilli());
    writeNullable(f.text(), out);
    writeNullable(f.url(), out);
    writeNullable(f.outlet(), out);
    writeNullable(f.eventDate() == null ? null : f.eventDate().toEpochDay(), out);
    writeNullable(f.eventDateEnd() == null ? null : f.eventDateEnd().toEpochDay(), out);
    writePlace(f.place(), out);
  }

  private static void writePlace(Place p, Encoder out) throws IOException {
    out.writeIndex(p == null ? 0 : 1);
    if (p != null) {
      out.writeString(p.placeId());
      out.writeString(p.name());
      out.writeString(p.countryId());
      writeNullable(p.countryName(), out);
      writeNullable(p.regionId(), out);
      writeNullable(p.regionName(), out);
      writeNullable(p.lat(), out);
      writeNullable(p.lon(), out);
    }
  }

  private static Place readPlace(Decoder in) throws IOException {
    return in.readIndex() == 0 ? null : new Place(in.readString(), in.readString(), in.readString(), readNullable(in),
        readNullable(in), readNullable(in), readNullableDouble(in), readNullableDouble(in));
  }

  private static LocalDate readDay(Decoder in) throws IOException {
    Long day = readNullableLong(in);
    return day == null ? null : LocalDate.ofEpochDay(day);
  }

  private static Figure readFigure(Decoder in) throws IOException {
    return new Figure(in.readLong(), readEnum(Qualifier.class, in), readNullableLong(in), readNullableLong(in),
        readNullable(in), readNullable(in), Instant.ofEpochMilli(in.readLong()), readNullable(in), readNullable(in),
        readNullable(in), readDay(in), readDay(in), readPlace(in));
  }

  private static void writeNamed(List<NamedActor> named, Encoder out) throws IOException {
    out.writeInt(named.size());
    for (NamedActor a : named) {
      out.writeString(a.id());
      writeNullable(a.name(), out);
    }
  }

  private static List<NamedActor> readNamed(Decoder in) throws IOException {
    int n = in.readInt();
    List<NamedActor> named = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      named.add(new NamedActor(in.readString(), readNullable(in)));
    }
    return named;
  }

  /** A nullable contribution whose actor is among {@code named}. */
  private static void writeContribution(ActorContribution c, List<NamedActor> named, Encoder out) throws IOException {
    if (c == null) {
      out.writeIndex(0);
      return;
    }
    out.writeIndex(1);
    int position = positionOf(c.actorId(), named);
    out.writeInt(position);
    if (position < 0) {
      out.writeString(c.actorId()); // a place's key: no actor the article names
    }
    writeNullable(c.name(), out);
    writeEnum(c.type(), out);
    writeNullable(c.affiliation(), out);
    out.writeString(c.articleId());
    out.writeLong(c.seenAt());
    out.writeLong(c.ingestedAt());
    out.writeInt(c.mentions());
    out.writeInt(c.figures().size());
    for (Map.Entry<CasualtyType, Figure> e : c.figures().entrySet()) {
      out.writeString(e.getKey().name());
      writeFigure(e.getValue(), out);
    }
  }

  private static ActorContribution readContribution(List<NamedActor> named, Decoder in) throws IOException {
    if (in.readIndex() == 0) {
      return null;
    }
    int position = in.readInt();
    String actorId = position < 0 ? in.readString() : named.get(position).id(); // the list's instance: its hash is computed once
    String name = readNullable(in);
    ActorType type = readEnum(ActorType.class, in);
    String affiliation = readNullable(in);
    String articleId = in.readString();
    long seenAt = in.readLong();
    long ingestedAt = in.readLong();
    int mentions = in.readInt();
    int n = in.readInt();
    Map<CasualtyType, Figure> figures = new EnumMap<>(CasualtyType.class);
    for (int i = 0; i < n; i++) {
      figures.put(CasualtyType.valueOf(in.readString()), readFigure(in));
    }
    return new ActorContribution(actorId, name, type, affiliation, articleId, seenAt, ingestedAt, mentions, figures);
  }

  private static int positionOf(String actorId, List<NamedActor> named) {
    for (int i = 0; i < named.size(); i++) {
      if (named.get(i).id().equals(actorId)) {
        return i;
      }
    }
    if (Place.isPlaceKey(actorId)) {
      return -1;
    }
    throw new IllegalArgumentException("actor " + actorId + " is not among the article's named actors");
  }

  private static void writeSeen(List<ActorAccumulator.Seen> seen, Encoder out) throws IOException {
    out.writeInt(seen.size());
    for (ActorAccumulator.Seen s : seen) {
      out.writeLong(s.at());
      out.writeString(s.articleId());
    }
  }

  private static List<ActorAccumulator.Seen> readSeen(Decoder in) throws IOException {
    int n = in.readInt();
    List<ActorAccumulator.Seen> seen = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      seen.add(new ActorAccumulator.Seen(in.readLong(), in.readString()));
    }
    return seen;
  }

  private static void index(Figure f, Map<Figure, Integer> table, List<Figure> distinct) {
    if (table.putIfAbsent(f, distinct.size()) == null) {
      distinct.add(f);
    }
  }

  private static void writePositions(List<Figure> figures, Map<Figure, Integer> table, Encoder out) throws IOException {
    out.writeInt(figures.size());
    for (Figure f : figures) {
      out.writeInt(table.get(f));
    }
  }

  private static List<Figure> readPositions(List<Figure> distinct, Decoder in) throws IOException {
    int n = in.readInt();
    List<Figure> figures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      figures.add(distinct.get(in.readInt()));
    }
    return figures;
  }

  private static void writeCounts(Map<String, Long> counts, Encoder out) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      out.writeString(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static HashMap<String, Long> readCounts(Decoder in) throws IOException {
    int n = in.readInt();
    HashMap<String, Long> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.put(in.readString(), in.readLong());
    }
    return counts;
  }

  private static void writeNullable(String s, Encoder out) throws IOException {
    out.writeIndex(s == null ? 0 : 1);
    if (s != null) {
      out.writeString(s);
    }
  }

  private static String readNullable(Decoder in) throws IOException {
    return in.readIndex() == 0 ? null : in.readString();
  }

  private static void writeNullable(Long n, Encoder out) throws IOException {
    out.writeIndex(n == null ? 0 : 1);
    if (n != null) {
      out.writeLong(n);
    }
  }

  private static Long readNullableLong(Decoder in) throws IOException {
    return in.readIndex() == 0 ? null : in.readLong();
  }

  private static void writeNullable(Double d, Encoder out) throws IOException {
    out.writeIndex(d == null ? 0 : 1);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static Double readNullableDouble(Decoder in) throws IOException {
    return in.readIndex() == 0 ? null : in.readDouble();
  }

  private static void writeEnum(Enum<?> e, Encoder out) throws IOException {
    writeNullable(e == null ? null : e.name(), out);
  }

  private static <E extends Enum<E>> E readEnum(Class<E> type, Decoder in) throws IOException {
    String name = readNullable(in);
    return name == null ? null : Enum.valueOf(type, name);
  }
}
