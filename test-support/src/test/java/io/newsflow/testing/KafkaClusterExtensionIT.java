package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness itself: three real brokers, one of which goes away and comes back. */
class KafkaClusterExtensionIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(3);

  @Test
  void survivesABrokerStopAndRestart() throws Exception {
    assertThat(kafka.cluster().brokerIds()).hasSize(3);
    kafka.createTopics(3, "harness.events");
    int stopped = kafka.cluster().brokerIds().iterator().next();

    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("harness.events", "k1", "before")).get(30, TimeUnit.SECONDS);
      kafka.cluster().stopBroker(stopped);
      producer.send(new ProducerRecord<>("harness.events", "k2", "during")).get(60, TimeUnit.SECONDS);
      kafka.cluster().startBroker(stopped);
      producer.send(new ProducerRecord<>("harness.events", "k3", "after")).get(60, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, String>> records = TopicReader.read(kafka, "harness.events",
        new StringDeserializer(), new StringDeserializer(), 3, Duration.ofSeconds(30), Duration.ZERO);
    assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("before", "during", "after");
    assertThat(kafka.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
  }
}
