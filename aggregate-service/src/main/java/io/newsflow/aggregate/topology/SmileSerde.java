package io.newsflow.aggregate.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The aggregation's internal state (repartition and changelog topics) as Smile, Jackson's
 * binary JSON: the same data model as JSON, smaller and faster to read and write, which
 * matters because every update reads and rewrites an actor's accumulator. Internal state is
 * not the public contract, so it need not be Avro; unknown fields are ignored, so a newer
 * version reads an older changelog.
 */
public final class SmileSerde<T> implements Serde<T> {

  private static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory())
      .registerModule(new JavaTimeModule()) // a figure's report time is an Instant
      .registerModule(new BlackbirdModule()) // generated accessors instead of reflection: every change crosses a repartition topic
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Class<T> type;

  public SmileSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return MAPPER.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return MAPPER.readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
      }
    };
  }
}
