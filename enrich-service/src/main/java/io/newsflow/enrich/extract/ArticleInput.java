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
import java.util.function.Consumer;

/**
 * Articles for the extract command: a {@code .txt} file is one article (id = file name);
 * anything else is JSON Lines of {@code {"id", "text", "title"?}}. A bad line is reported
 * with its file and line number and the rest still runs.
 */
final class ArticleInput {

  /** One article read from input, with the JSON it came in (gold annotations for --eval). */
  record Article(String id, String text, JsonNode json) {}

  /** A line that could not be read as an article. */
  record Problem(String where, String message) {}

  private static final ObjectMapper MAPPER = Json.mapper();

  private ArticleInput() {}

  static void readFile(Path file, Consumer<Article> articles, Consumer<Problem> problems) throws IOException {
    if (file.getFileName().toString().endsWith(".txt")) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      articles.accept(new Article(file.getFileName().toString(), text, null));
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
        articles.accept(new Article(id, json.get("text").asText(), json));
      }
    }
  }
}
