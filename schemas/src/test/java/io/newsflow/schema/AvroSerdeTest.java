package io.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  static SpecificRecord[] everyRecordType() {
    return new SpecificRecord[] {SampleRecords.raw(), SampleRecords.enriched(), SampleRecords.actorStats()};
  }

  @ParameterizedTest
  @MethodSource("everyRecordType")
  <T extends SpecificRecord> void roundTripsEveryRecordType(T record) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    try (AvroSerde<T> serde = new AvroSerde<>(type)) {
      byte[] bytes = serde.serializer().serialize("t", record);

      assertThat(bytes[0]).isEqualTo((byte) 0xC3);
      assertThat(bytes[1]).isEqualTo((byte) 0x01);
      assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(record);
    }
  }

  @Test
  void readsRecordWrittenWithAnOlderSchemaVersion() throws Exception {
    Schema older;
    try (InputStream in = getClass().getResourceAsStream("/test-schemas/RawArticle.before-v1.avsc")) {
      older = new Schema.Parser().parse(in);
    }
    GenericRecord old = new GenericData.Record(older);
    old.put("id", "a0");
    old.put("source", "file");
    old.put("text", "Two soldiers were captured.");
    old.put("publishedAt", null);
    old.put("ingestedAt", 1_700_000_000_000L);
    old.put("contentHash", "cd".repeat(32));
    ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
    byte[] bytes = Arrays.copyOfRange(written.array(), written.arrayOffset(), written.arrayOffset() + written.remaining());

    SchemaHistory history = new SchemaHistory();
    history.add(older);
    RawArticle read = new AvroDeserializer<>(RawArticle.class, history).deserialize("t", bytes);

    assertThat(read.getId()).isEqualTo("a0");
    assertThat(read.getText()).isEqualTo("Two soldiers were captured.");
    assertThat(read.getTitle()).isNull();
    assertThat(read.getLanguage()).isNull();
    assertThat(read.getIngestedAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void unknownWriterSchemaIsAClearError() throws Exception {
    byte[] bytes = new AvroSerializer<>(RawArticle.class).serialize("t", SampleRecords.raw());
    bytes[5] ^= 0x5A; // corrupt the fingerprint

    assertThatThrownBy(() -> new AvroDeserializer<>(RawArticle.class).deserialize("news.articles.raw", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("news.articles.raw")
        .hasMessageContaining("schema this reader does not know");
  }

  @Test
  void bytesThatAreNotAvroAreAClearError() {
    byte[] json = "{\"id\":\"a1\"}".getBytes();

    assertThatThrownBy(() -> new AvroDeserializer<>(RawArticle.class).deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not Avro single-object encoding")
        .hasMessageContaining("7b226964"); // shows the bytes it got
  }

  @Test
  void truncatedBodyIsAClearError() {
    byte[] bytes = new AvroSerializer<>(EnrichedArticle.class).serialize("t", SampleRecords.enriched());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> new AvroDeserializer<>(EnrichedArticle.class).deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("corrupt body");
  }

  @Test
  void nullStaysNullForTombstones() {
    assertThat(new AvroSerializer<>(ActorStats.class).serialize("t", null)).isNull();
    assertThat(new AvroDeserializer<>(ActorStats.class).deserialize("t", null)).isNull();
  }
}
