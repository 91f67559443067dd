package io.newsflow.broker.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.runtime.DeadLetter;
import io.newsflow.runtime.Json;
import io.newsflow.schema.ActorStats;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * One record of a newsflow topic as one JSON line: where it is, its key, and its value decoded
 * (or, for the DLQ, the reason headers as fields and the size of the original bytes).
 */
final class RecordLines {

  /** DLQ header -> JSON field; the stack trace header is left out, it is many lines. */
  private static final Map<String, String> DLQ_FIELDS = Map.of(
      DeadLetter.REASON, "reason", DeadLetter.SERVICE, "service", DeadLetter.EXCEPTION, "exception",
      DeadLetter.MESSAGE, "message", DeadLetter.TOPIC, "failedTopic", DeadLetter.PARTITION, "failedPartition",
      DeadLetter.OFFSET, "failedOffset");
  private static final String[] DLQ_ORDER = {DeadLetter.REASON, DeadLetter.SERVICE, DeadLetter.EXCEPTION,
      DeadLetter.MESSAGE, DeadLetter.TOPIC, DeadLetter.PARTITION, DeadLetter.OFFSET};

  private final TopicKind kind;
  private final AvroDeserializer<? extends SpecificRecord> deserializer;
  private final String actor;

  RecordLines(TopicKind kind, String actor) {
    this.kind = kind;
    this.deserializer = kind.deserializer();
    this.actor = actor;
  }

  /** The record's line, or empty when --actor leaves it out; a {@link SerializationException} when undecodable. */
  Optional<String> line(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
    line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    if (kind == TopicKind.DLQ) {
      addDeadLetterFields(line, record);
    } else {
      SpecificRecord value = deserializer.deserialize(record.topic(), record.value());
      if (actor != null && !names(value, record)) {
        return Optional.empty();
      }
      line.set("value", RecordJson.of(value));
    }
    return Optional.of(line.toString());
  }

  private boolean names(SpecificRecord value, ConsumerRecord<byte[], byte[]> record) {
    if (value instanceof EnrichedArticle article) {
      return article.getActors().stream().anyMatch(a -> a.getId().equals(actor));
    }
    if (value instanceof ActorStats stats) {
      return stats.getActorId().equals(actor);
    }
    // a stats tombstone: the actor is the key
    return record.key() != null && actor.equals(new String(record.key(), StandardCharsets.UTF_8));
  }

  private static void addDeadLetterFields(ObjectNode line, ConsumerRecord<byte[], byte[]> record) {
    for (String header : DLQ_ORDER) {
      Header last = record.headers().lastHeader(header);
      line.put(DLQ_FIELDS.get(header), last == null ? null : new String(last.value(), StandardCharsets.UTF_8));
    }
    line.put("valueBytes", record.value() == null ? 0 : record.value().length);
  }
}
