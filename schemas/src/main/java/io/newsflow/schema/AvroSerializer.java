package io.newsflow.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record in single-object encoding: C3 01, fingerprint, binary body. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final BinaryMessageEncoder<T> encoder;

  public AvroSerializer(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    this.encoder = new BinaryMessageEncoder<>(model, model.getSchema(type));
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null; // a tombstone stays a tombstone
    }
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot encode " + record.getSchema().getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }
}
