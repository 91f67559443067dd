package io.newsflow.enrich.stream;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.AvroDeserializer;
import io.newsflow.schema.AvroSerializer;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.testing.KafkaClusterExtension;
import io.newsflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, config, input and output for enrich-service tests, each test on its own topics. */
final class EnrichTestKit {

  final KafkaClusterExtension kafka;
  final String prefix;

  EnrichTestKit(KafkaClusterExtension kafka, String prefix, int partitions) throws Exception {
    this.kafka = kafka;
    this.prefix = prefix;
    kafka.createTopics(partitions, raw(), enriched(), dlq());
  }

  String raw() {
    return prefix + ".raw";
  }

  String enriched() {
    return prefix + ".enriched";
  }

  String dlq() {
    return prefix + ".dlq";
  }

  Map<String, String> env(String instance) {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_TOPIC_RAW", raw());
    env.put("NEWSFLOW_TOPIC_ENRICHED", enriched());
    env.put("NEWSFLOW_TOPIC_DLQ", dlq());
    env.put("NEWSFLOW_TOPIC_ACTOR_STATS", prefix + ".stats");
    env.put("NEWSFLOW_ENRICH_GROUP_ID", prefix + "-enrich");
    env.put("NEWSFLOW_ENRICH_INSTANCE_ID", instance);
    env.put("NEWSFLOW_HTTP_PORT", "0");
    return env;
  }

  EnrichConfig config(String instance, String... extra) {
    Map<String, String> env = env(instance);
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return EnrichConfig.from(Settings.load(EnrichConfig.DEFAULTS, null, env));
  }

  static RawArticle article(String id, String text) {
    return RawArticle.newBuilder().setId(id).setSource("test").setUrl(null).setTitle(null).setText(text)
        .setLanguage(null).setPublishedAt(Instant.parse("2024-12-01T00:00:00Z")).setIngestedAt(Instant.now())
        .setContentHash("h-" + id).build();
  }

  void produce(List<RawArticle> articles) throws Exception {
    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new AvroSerializer<>(RawArticle.class))) {
      for (RawArticle a : articles) {
        producer.send(new ProducerRecord<>(raw(), a.getId(), a));
      }
      producer.flush();
    }
  }

  void produceBytes(String key, byte[] value) throws Exception {
    try (var producer = new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(raw(), key, value)).get(10, TimeUnit.SECONDS);
    }
  }

  List<ConsumerRecord<String, EnrichedArticle>> enrichedRecords(int expected, Duration settle) {
    return TopicReader.read(kafka, enriched(), new StringDeserializer(), new AvroDeserializer<>(EnrichedArticle.class),
        expected, Duration.ofSeconds(60), settle);
  }

  List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
    return TopicReader.read(kafka, dlq(), new StringDeserializer(), new ByteArrayDeserializer(),
        expected, Duration.ofSeconds(30), Duration.ofMillis(500));
  }
}
