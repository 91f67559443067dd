package io.newsflow.broker.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.runtime.Json;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * A decoded Avro record as plain JSON: fields by name, unions as their value (not Avro's
 * {@code {"string": ...}} wrapping), enums as their symbol, timestamps as ISO-8601.
 */
final class RecordJson {

  private static final ObjectMapper MAPPER = Json.mapper();

  private RecordJson() {}

  static JsonNode of(Object value) {
    if (value == null) {
      return MAPPER.getNodeFactory().nullNode(); // a union's null, or a tombstone
    }
    if (value instanceof IndexedRecord record) {
      ObjectNode node = MAPPER.createObjectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        node.set(field.name(), of(record.get(field.pos())));
      }
      return node;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = MAPPER.createArrayNode();
      items.forEach(item -> array.add(of(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = MAPPER.createObjectNode();
      map.forEach((k, v) -> node.set(String.valueOf(k), of(v)));
      return node;
    }
    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>) {
      return MAPPER.getNodeFactory().textNode(value.toString());
    }
    return MAPPER.valueToTree(value); // numbers, booleans, Instant (ISO-8601 through Json's JavaTimeModule)
  }
}
