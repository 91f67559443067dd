package io.newsflow.aggregate.dashboard;

import io.newsflow.runtime.CommittedReader;
import io.newsflow.schema.AvroSerde;
import io.newsflow.schema.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The newest enriched articles, read from the tail of the enriched topic for the dashboard's
 * evidence view: the latest version of each, newest first by ingestion time. One consumer,
 * reused (an open dashboard asks every two seconds; a new client each time would cost a
 * connection and a metadata round trip), so one request reads at a time. It joins no group and
 * commits nothing: it assigns every partition and seeks.
 */
public final class RecentArticles implements AutoCloseable {

  public static final int MAX_LIMIT = 50;
  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READ_DEADLINE = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<EnrichedArticle> decoder = AvroSerde.enrichedArticle().deserializer();
  private final String topic;

  public RecentArticles(Properties kafka, String topic) {
    this.consumer = new KafkaConsumer<>(consumerProps(kafka), new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
  }

  /** At most {@code limit} articles, newest first; fewer when the topic holds fewer or the read runs out of time. */
  public synchronized List<EnrichedArticle> newest(int limit) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, BROKER_TIMEOUT).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions); // before asking offsets: read_committed end offsets update the assigned partitions' state
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, BROKER_TIMEOUT);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BROKER_TIMEOUT);
    long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
    List<EnrichedArticle> found = new ArrayList<>();
    for (TopicPartition p : partitions) {
      found.addAll(newestOf(p, begin.get(p), end.get(p), limit, deadline));
    }
    return found.stream()
        .sorted(Comparator.comparing(EnrichedArticle::getIngestedAt).reversed().thenComparing(EnrichedArticle::getId))
        .limit(limit).toList();
  }

  /**
   * One partition's newest articles: read from {@code 2 x limit} offsets before its end (all of
   * the newest may sit in one partition, and each of enrich-service's transactions leaves a commit
   * marker that takes an offset), and from further back while that window holds fewer than {@code
   * limit} articles (aborted records, corrections and tombstones take offsets too) and older
   * records exist. read_committed: {@code end} is the last stable offset, so an open transaction
   * is not waited for.
   */
  private Collection<EnrichedArticle> newestOf(TopicPartition p, long begin, long end, int limit, long deadline) {
    consumer.pause(consumer.assignment()); // only this partition's records, so its own end tells when to stop
    consumer.resume(List.of(p));
    long back = 2L * limit;
    while (true) {
      long from = Math.max(begin, end - back); // below the log start the consumer would jump to the end instead
      Map<String, EnrichedArticle> latest = read(p, from, end, deadline);
      if (latest.size() >= limit || from == begin || System.nanoTime() >= deadline) {
        return latest.values();
      }
      back *= 4;
    }
  }

  /** The latest version of each article from {@code from} until {@code end} (or the deadline). */
  private Map<String, EnrichedArticle> read(TopicPartition p, long from, long end, long deadline) {
    consumer.seek(p, from);
    Map<String, EnrichedArticle> latest = new HashMap<>();
    while (consumer.position(p, BROKER_TIMEOUT) < end && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        apply(latest, record);
      }
    }
    return latest;
  }

  /** A later version of an article replaces the earlier one (same key, same partition, read in order); a tombstone removes it. */
  private void apply(Map<String, EnrichedArticle> latest, ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        latest.remove(record.key());
      }
      return;
    }
    try {
      EnrichedArticle article = decoder.deserialize(record.topic(), record.value());
      latest.put(record.key() != null ? record.key() : article.getId(), article);
    } catch (SerializationException e) {
      // skipped, not logged: the view is rebuilt every poll, so a warning would repeat every two
      // seconds; the aggregation already sends the record to the DLQ and counts it
    }
  }

  private static Properties consumerProps(Properties kafka) {
    Properties props = CommittedReader.props(kafka, "newsflow-aggregate-recent-articles");
    // a read ends at an offset known beforehand: a fetch the broker parks for new data (500 ms by
    // default) would only hold up the next seek
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    return props;
  }

  @Override
  public synchronized void close() {
    consumer.close(CloseOptions.timeout(BROKER_TIMEOUT));
  }
}
