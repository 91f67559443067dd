package io.newsflow.aggregate;

import io.newsflow.runtime.TopicSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Creates a Streams application's repartition and changelog topics before the application
 * starts, and waits until their leaders serve. Left to Kafka Streams, they are created at the
 * moment the first records go to them, and the transactional producer's first batches then
 * meet a leader that is not ready: hundreds of OutOfOrderSequence errors on the broker and
 * in the client (the race {@link TopicSetup#awaitServing} describes). Streams accepts
 * topics that exist with the partitions and cleanup policy it expects.
 */
public final class InternalTopics {

  private InternalTopics() {}

  /** How many partitions {@code topic} has: the apps' internal topics have as many. */
  public static int partitionsOf(Properties kafka, String topic) {
    try (Admin admin = Admin.create(kafka)) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
    }
  }

  /**
   * Creates the internal topics of {@code topology} under {@code applicationId} that are missing (an
   * existing one is left as it is), with {@code partitions} partitions (as many as the source
   * topic has: Streams' own rule for these apps, whose every sub-topology reads a topic of that
   * many partitions), and waits until all serve. {@code replication} -1 means the broker's default.
   */
  public static void ensure(Properties kafka, String applicationId, Topology topology, int partitions, int replication) {
    try (Admin admin = Admin.create(kafka)) {
      List<NewTopic> topics = of(applicationId, topology, partitions,
          replication < 0 ? Optional.empty() : Optional.of((short) replication));
      TopicSetup.createServing(admin, topics);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot create the internal topics of " + applicationId + ": " + e, e);
    }
  }

  /** The internal topics of {@code topology} under {@code applicationId}: repartition topics, then changelogs. */
  static List<NewTopic> of(String applicationId, Topology topology, int partitions, Optional<Short> replication) {
    Set<String> repartition = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          source.topicSet().stream().filter(t -> t.endsWith("-repartition")).forEach(repartition::add);
        } else if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    List<NewTopic> topics = new ArrayList<>();
    repartition.forEach(t -> topics.add(new NewTopic(applicationId + "-" + t, Optional.of(partitions), replication)
        .configs(Map.of("cleanup.policy", "delete", "retention.ms", "-1", "segment.bytes", "52428800"))));
    stores.forEach(s -> topics.add(new NewTopic(applicationId + "-" + s + "-changelog", Optional.of(partitions), replication)
        .configs(Map.of("cleanup.policy", "compact", "message.timestamp.type", "CreateTime"))));
    return topics;
  }
}
