package io.newsflow.aggregate.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One internal record type (repartition and changelog topics) written field by field with Avro's
 * binary encoder: no field names, no schema lookup, no data binding. Every update of the
 * aggregation crosses the repartition topic and every commit writes the changed parts of actors'
 * accumulators, so this is on the hot path; Jackson's Smile data binding, used before, was a third
 * of the stream threads. Internal state is not the public contract: its layout changes with the
 * aggregation's application id, and a record that starts with another {@link #VERSION} is refused
 * with a clear error rather than misread. {@link InternalFormats} holds the types.
 */
final class BinaryFormat<T> implements Serde<T> {

  /** The layout version every record starts with. */
  static final byte VERSION = 1;

  /** Writes one value's fields. */
  interface Writer<T> {
    void write(T value, Encoder out) throws IOException;
  }

  /** Reads them back, in the order they were written. */
  interface Reader<T> {
    T read(Decoder in) throws IOException;
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  /** A stream thread's reusable output buffer, encoder and decoder. */
  private static final class Buffers {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    BinaryDecoder decoder;
  }

  private final String name;
  private final Writer<T> writer;
  private final Reader<T> reader;

  BinaryFormat(String name, Writer<T> writer, Reader<T> reader) {
    this.name = name;
    this.writer = writer;
    this.reader = reader;
  }

  byte[] write(T value) {
    if (value == null) {
      return null;
    }
    Buffers b = BUFFERS.get();
    b.bytes.reset();
    b.bytes.write(VERSION);
    try {
      b.encoder = EncoderFactory.get().binaryEncoder(b.bytes, b.encoder);
      writer.write(value, b.encoder);
      b.encoder.flush();
    } catch (IOException | RuntimeException e) {
      b.encoder = null; // it still buffers part of this value, and reusing it would flush that into the next one
      throw new SerializationException("cannot write " + name, e);
    }
    return b.bytes.toByteArray();
  }

  T read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length == 0 || bytes[0] != VERSION) {
      throw new SerializationException("cannot read " + name + ": layout version "
          + (bytes.length == 0 ? "missing" : bytes[0]) + ", this build reads " + VERSION);
    }
    Buffers b = BUFFERS.get();
    try {
      b.decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, b.decoder);
      return reader.read(b.decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read " + name + " (" + bytes.length + " bytes)", e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> read(bytes);
  }
}
