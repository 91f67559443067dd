package io.newsflow.schema;

import java.io.IOException;
import java.util.HexFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads single-object-encoded Avro into the current generated class, resolving whichever
 * released schema version wrote the bytes. Anything it cannot decode is a
 * {@link SerializationException} that says why, never a silent null.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final BinaryMessageDecoder<T> decoder;
  private final String typeName;

  public AvroDeserializer(Class<T> type) {
    this(type, SchemaHistory.defaultHistory());
  }

  public AvroDeserializer(Class<T> type, SchemaHistory history) {
    SpecificData model = SpecificData.getForClass(type);
    this.typeName = type.getSimpleName();
    this.decoder = new BinaryMessageDecoder<>(model, model.getSchema(type), history);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null; // a tombstone, not a decoding failure
    }
    try {
      return decoder.decode(data);
    } catch (BadHeaderException e) {
      throw failure(topic, data, "not Avro single-object encoding (" + e.getMessage() + ")", e);
    } catch (MissingSchemaException e) {
      throw failure(topic, data, "written with a schema this reader does not know (" + e.getMessage() + ")", e);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw failure(topic, data, "corrupt body (" + e + ")", e);
    }
  }

  private SerializationException failure(String topic, byte[] data, String why, Exception cause) {
    String head = HexFormat.of().formatHex(data, 0, Math.min(data.length, 10));
    return new SerializationException(
        "cannot decode " + typeName + " from topic " + topic + ": " + why
            + "; " + data.length + " bytes starting " + head,
        cause);
  }
}
