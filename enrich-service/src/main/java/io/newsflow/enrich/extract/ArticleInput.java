package io.newsflow.enrich.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.runtime.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Articles for the extract command: a {@code .txt} file is one article (id = file name);
 * anything else is JSON Lines of {@code {"id", "text", "title"?, "publishedAt"?}} (an instant or a
 * date, UTC: the day relative dates such as "on Monday" resolve against). A bad line is reported
 * with its file and line number and the rest still runs.
 */
final class ArticleInput {

  /** The UTC day of an instant or a date, or null when absent. */
  static LocalDate publicationDay(JsonNode publishedAt) {
    if (!publishedAt.isTextual()) {
      return null;
    }
    String value = publishedAt.asText();
    return value.length() == 10 ? LocalDate.parse(value) : LocalDate.ofInstant(Instant.parse(value), ZoneOffset.UTC);
  }

  /** One article read from input, with the JSON it came in (gold annotations for --eval). */
  record Article(String id, String text, LocalDate published, JsonNode json) {}

  /** A line that could not be read as an article. */
  record Problem(String where, String message) {}

  private static final ObjectMapper MAPPER = Json.mapper();

  private ArticleInput() {}

  static void readFile(Path file, Consumer<Article> articles, Consumer<Problem> problems) throws IOException {
    if (file.getFileName().toString().endsWith(".txt")) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      articles.accept(new Article(file.getFileName().toString(), text, null, null));
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      readLines(file.toString(), reader, articles, problems);
    }
  }

  static void readLines(String source, BufferedReader reader, Consumer<Article> articles, Consumer<Problem> problems)
      throws IOException {
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = source + ":" + number;
      JsonNode json;
      try {
        json = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        problems.accept(new Problem(where, "not valid JSON (" + e.getOriginalMessage() + ")"));
        continue;
      }
      if (!json.isObject()) {
        problems.accept(new Problem(where, "expected a JSON object with \"id\" and \"text\""));
      } else if (!json.path("text").isTextual()) {
        problems.accept(new Problem(where, "missing \"text\" (a string)"));
      } else {
        String id = json.path("id").isValueNode() ? json.path("id").asText() : source + "#" + number;
        try {
          articles.accept(new Article(id, json.get("text").asText(), publicationDay(json.path("publishedAt")), json));
        } catch (DateTimeParseException e) {
          problems.accept(new Problem(where, "\"publishedAt\" is neither an instant (2024-12-16T09:30:00Z) nor a date: "
              + json.path("publishedAt").asText()));
        }
      }
    }
  }
}
