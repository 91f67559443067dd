package io.newsflow.broker.tail;

import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.Topics;
import io.newsflow.schema.ActorStats;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** The topics {@code ./newsflow tail} reads, with the record type each one holds. */
enum TopicKind {
  RAW(RawArticle.class),
  ENRICHED(EnrichedArticle.class),
  STATS(ActorStats.class),
  DLQ(null); // the original bytes of records that failed: shown with their reason headers, not decoded

  private final Class<? extends SpecificRecord> type;

  TopicKind(Class<? extends SpecificRecord> type) {
    this.type = type;
  }

  static TopicKind named(String label) {
    return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst()
        .orElseThrow(() -> new ConfigException("unknown topic '" + label + "'; one of: "
            + Arrays.stream(values()).map(TopicKind::label).collect(Collectors.joining(" "))));
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  String topic(Topics topics) {
    return switch (this) {
      case RAW -> topics.raw();
      case ENRICHED -> topics.enriched();
      case STATS -> topics.actorStats();
      case DLQ -> topics.dlq();
    };
  }

  boolean hasActors() {
    return this == ENRICHED || this == STATS;
  }

  /** A deserializer for the topic's record type that resolves every released writer schema; null for the DLQ. */
  AvroDeserializer<? extends SpecificRecord> deserializer() {
    return type == null ? null : new AvroDeserializer<>(type);
  }
}
