package io.newsflow.enrich.extract;

import io.newsflow.schema.ActorType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The actors newsflow knows, read from data files next to this class: {@code countries.tsv}
 * (states with names, demonyms and capitals), {@code actors.tsv} (armed groups,
 * organisations, people) and {@code not-actors.tsv} (phrases that only look like actors).
 */
public final class Gazetteer {

  private static final Gazetteer STANDARD = load();

  private final List<ActorEntry> actors;
  private final Map<String, ActorEntry> byId;
  private final ActorAutomaton automaton;
  private final Map<String, ActorEntry> byName;

  private Gazetteer(List<ActorEntry> actors, List<ActorAutomaton.Alias> aliases) {
    this.actors = Collections.unmodifiableList(actors);
    Map<String, ActorEntry> index = new HashMap<>();
    actors.forEach(a -> index.put(a.id(), a));
    this.byId = Collections.unmodifiableMap(index);
    this.automaton = new ActorAutomaton(aliases);
    Map<String, ActorEntry> names = new HashMap<>();
    for (ActorAutomaton.Alias alias : aliases) {
      if (alias.kind() == AliasKind.NAME) {
        names.putIfAbsent(nameKey(alias.text()), actors.get(alias.actor()));
      }
    }
    actors.forEach(a -> names.put(nameKey(a.name()), a));
    this.byName = Collections.unmodifiableMap(names);
  }

  /** The actor a name or alias stands for ("Volodymyr Zelenskyy", "RSF"), or null: how annotations name actors. */
  public ActorEntry byName(String name) {
    return byName.get(nameKey(name));
  }

  /** A name folded for comparison: lower case, hyphens, underscores and runs of spaces as one space, curly apostrophes straight. */
  static String nameKey(String name) {
    return name.strip().toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'').replaceAll("[\\s_-]+", " ");
  }

  /** The gazetteer shipped with newsflow, built once per JVM. */
  public static Gazetteer standard() {
    return STANDARD;
  }

  public List<ActorEntry> actors() {
    return actors;
  }

  public ActorEntry actor(String id) {
    return byId.get(id);
  }

  ActorEntry actor(int index) {
    return actors.get(index);
  }

  ActorAutomaton automaton() {
    return automaton;
  }

  private static Gazetteer load() {
    List<ActorEntry> actors = new ArrayList<>();
    List<ActorAutomaton.Alias> aliases = new ArrayList<>();
    read("countries.tsv", cols -> {
      ActorEntry state = add(actors, cols[0], cols[1], ActorType.COUNTRY, null);
      Set<String> names = new LinkedHashSet<>(List.of(cols[1]));
      names.addAll(list(cols, 2));
      names.forEach(n -> aliases.add(new ActorAutomaton.Alias(n, state.index(), AliasKind.NAME)));
      for (String demonym : list(cols, 3)) {
        aliases.add(new ActorAutomaton.Alias(demonym, state.index(), AliasKind.DEMONYM));
        if (!demonym.matches(".*(s|sh|ch|ese|x|z)$")) {
          aliases.add(new ActorAutomaton.Alias(demonym + "s", state.index(), AliasKind.DEMONYM));
        }
      }
      list(cols, 4).forEach(c -> aliases.add(new ActorAutomaton.Alias(c, state.index(), AliasKind.CAPITAL)));
    });
    read("actors.tsv", cols -> {
      ActorEntry actor = add(actors, cols[1], cols[2], ActorType.valueOf(cols[0]), cols.length > 3 && !cols[3].isEmpty() ? cols[3] : null);
      Set<String> names = new LinkedHashSet<>(List.of(cols[2]));
      names.addAll(list(cols, 4));
      for (String name : names) {
        AliasKind kind = name.startsWith("^") ? AliasKind.SURNAME : name.startsWith("~") ? AliasKind.SHORT_FORM : AliasKind.NAME;
        String text = kind == AliasKind.NAME ? name : name.substring(1);
        aliases.add(new ActorAutomaton.Alias(text, actor.index(), kind));
      }
    });
    read("not-actors.tsv", cols -> aliases.add(new ActorAutomaton.Alias(cols[0], -1, AliasKind.BLOCK)));
    Set<String> ids = new java.util.HashSet<>();
    for (ActorEntry a : actors) {
      if (!ids.add(a.id())) {
        throw new IllegalStateException("gazetteer: actor id " + a.id() + " appears twice");
      }
    }
    for (ActorEntry a : actors) {
      if (a.affiliation() != null && !ids.contains(a.affiliation())) {
        throw new IllegalStateException("gazetteer: " + a.id() + " is affiliated with unknown actor " + a.affiliation());
      }
    }
    return new Gazetteer(actors, aliases);
  }

  private static ActorEntry add(List<ActorEntry> actors, String id, String name, ActorType type, String affiliation) {
    ActorEntry entry = new ActorEntry(actors.size(), id, name, type, affiliation);
    actors.add(entry);
    return entry;
  }

  private static List<String> list(String[] cols, int i) {
    if (cols.length <= i || cols[i].isBlank()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String v : cols[i].split(";")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return values;
  }

  /** Each data row (tab-separated; blank lines and {@code #} comments skipped) of a resource beside this class. */
  static void read(String resource, Consumer<String[]> row) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer file " + resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          row.accept(line.split("\t", -1));
        } catch (RuntimeException e) {
          throw new IllegalStateException("gazetteer " + resource + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
