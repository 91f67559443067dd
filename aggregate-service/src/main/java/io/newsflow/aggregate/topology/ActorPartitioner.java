package io.newsflow.aggregate.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends an {@link ArticleChange}, whose actors all live in one partition ({@link ContributionDiffer}
 * splits an article's changes by partition), to that partition: the one Kafka's default
 * partitioner gives each actor's id, which interactive queries look the actor up in.
 */
final class ActorPartitioner implements StreamPartitioner<String, ArticleChange> {

  /** The partition of the actor's statistics among {@code partitions}, as the default partitioner places a String key. */
  static int partitionOf(String actorId, int partitions) {
    return BuiltInPartitioner.partitionForKey(actorId.getBytes(StandardCharsets.UTF_8), partitions);
  }

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, ArticleChange value, int numPartitions) {
    return Optional.of(Set.of(partitionOf(value.changes().get(0).actorId(), numPartitions)));
  }
}
