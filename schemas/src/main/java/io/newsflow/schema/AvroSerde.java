package io.newsflow.schema;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka serde for a generated Avro record in single-object encoding. */
public final class AvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

  public AvroSerde(Class<T> type) {
    super(new AvroSerializer<>(type), new AvroDeserializer<>(type));
  }

  public static AvroSerde<RawArticle> rawArticle() {
    return new AvroSerde<>(RawArticle.class);
  }

  public static AvroSerde<EnrichedArticle> enrichedArticle() {
    return new AvroSerde<>(EnrichedArticle.class);
  }

  public static AvroSerde<ActorStats> actorStats() {
    return new AvroSerde<>(ActorStats.class);
  }
}
