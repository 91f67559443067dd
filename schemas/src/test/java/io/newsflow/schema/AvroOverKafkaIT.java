package io.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.KafkaClusterExtension;
import io.newsflow.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every record type of the contract travels through a real broker and comes back equal. */
class AvroOverKafkaIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @Test
  void everyRecordTypeSurvivesARealBroker() throws Exception {
    kafka.createTopics(1, "t.raw", "t.enriched", "t.stats");

    roundTrip("t.raw", RawArticle.class, SampleRecords.raw());
    roundTrip("t.enriched", EnrichedArticle.class, SampleRecords.enriched());
    roundTrip("t.stats", ActorStats.class, SampleRecords.actorStats());
  }

  private <T extends SpecificRecord> void roundTrip(String topic, Class<T> type, T record) throws Exception {
    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new AvroSerializer<>(type))) {
      producer.send(new ProducerRecord<>(topic, "key-1", record)).get(30, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<String, T>> read = TopicReader.read(kafka, topic, new StringDeserializer(),
        new AvroDeserializer<>(type), 1, Duration.ofSeconds(30), Duration.ZERO);
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("key-1");
      assertThat(r.value()).isEqualTo(record);
    });
  }
}
