package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Annotated passages in either of the two formats newsflow is scored on: the project's own
 * ({@code "actors":[{"id"}]}, figures with {@code "value"}, {@code "actor"} and {@code "claimedBy"}
 * as actor ids) and the shared real-news format of {@code ../shared/eval} (actors and owners by
 * name, figures with {@code "value_min"}/{@code "value_max"} and their span). Actors become keys
 * that predictions can be compared with: an actor id, or {@code "name:"} and the folded name for
 * an actor the gazetteer does not know.
 */
final class GoldSet {

  record Passage(String id, String text, Set<String> actors, Set<String> optionalActors, List<Figure> figures) {}

  /** One labelled figure; {@code claimant} is checked only where the format labels it ({@code claimantLabelled}). */
  record Figure(String type, Long min, Long max, String owner, boolean claimantLabelled, String claimant, String span,
      boolean actual) {}

  private final Gazetteer gazetteer;

  GoldSet(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  List<Passage> read(Path file, List<ArticleInput.Problem> problems) throws IOException {
    List<Passage> passages = new ArrayList<>();
    ArticleInput.readFile(file, article -> passages.add(passage(article)), problems::add);
    return passages;
  }

  private Passage passage(ArticleInput.Article article) {
    JsonNode json = article.json();
    Set<String> actors = new HashSet<>();
    json.path("actors").forEach(a -> actors.add(a.has("id") ? a.get("id").asText() : keyOfName(a.path("name").asText())));
    Set<String> optional = new HashSet<>();
    json.path("actors_optional").forEach(n -> optional.add(keyOfName(n.asText())));
    List<Figure> figures = new ArrayList<>();
    json.path("casualties").forEach(c -> figures.add(figure(c)));
    return new Passage(article.id(), article.text(), actors, optional, figures);
  }

  private Figure figure(JsonNode c) {
    boolean shared = c.has("value_min") || c.has("value_max");
    Long min = shared ? longOrNull(c, "value_min") : longOrNull(c, "value");
    Long max = shared ? longOrNull(c, "value_max") : min;
    String owner = shared ? (c.path("actor").isTextual() ? keyOfName(c.get("actor").asText()) : null) : textOrNull(c, "actor");
    boolean actual = c.path("realis").asText("ACTUAL").equals("ACTUAL");
    return new Figure(c.path("type").asText(), min, max, owner, c.has("claimedBy"), textOrNull(c, "claimedBy"),
        c.path("span").asText(null), actual);
  }

  /** The key of an actor named in an annotation: its gazetteer id, else its folded name. */
  String keyOfName(String name) {
    ActorEntry entry = gazetteer.byName(name);
    return entry != null ? entry.id() : "name:" + Gazetteer.nameKey(name);
  }

  private static Long longOrNull(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asLong() : null;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
