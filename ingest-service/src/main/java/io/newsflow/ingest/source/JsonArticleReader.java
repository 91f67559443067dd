package io.newsflow.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.RejectReason;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.runtime.Json;
import java.util.Iterator;
import java.util.Set;

/**
 * One JSON article object: {@code text} (required), {@code id}, {@code url}, {@code title},
 * {@code publishedAt}, {@code language}. In strict mode any other field is an error, so a
 * misspelt {@code "titel"} is not silently dropped.
 */
public final class JsonArticleReader {

  static final Set<String> FIELDS = Set.of("id", "url", "title", "text", "publishedAt", "language");

  private final boolean strict;

  public JsonArticleReader(boolean strict) {
    this.strict = strict;
  }

  public JsonNode parse(String json, String where) throws RejectedArticleException {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new RejectedArticleException(RejectReason.MALFORMED_JSON, where, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  public ArticleDraft read(JsonNode node, String source, String where) throws RejectedArticleException {
    if (node == null || !node.isObject()) {
      throw new RejectedArticleException(RejectReason.MALFORMED_JSON, where, "expected a JSON object with a \"text\" field");
    }
    if (strict) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          throw new RejectedArticleException(RejectReason.UNKNOWN_FIELD, where,
              "unknown field \"" + name + "\" (strict mode accepts " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
      }
    }
    JsonNode text = node.get("text");
    if (text == null || text.isNull()) {
      throw new RejectedArticleException(RejectReason.MISSING_TEXT, where, "missing field \"text\"");
    }
    if (!text.isTextual()) {
      throw new RejectedArticleException(RejectReason.MISSING_TEXT, where, "field \"text\" must be a string");
    }
    return new ArticleDraft(source, where, string(node, "id"), string(node, "url"), string(node, "title"), text.asText(),
        string(node, "publishedAt"), string(node, "language"));
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
