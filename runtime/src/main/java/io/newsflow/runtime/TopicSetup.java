package io.newsflow.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates newsflow's topics where they are missing, with partitions and replication from
 * config: actor stats compacted (the latest value per actor is the state), the DLQ kept a month.
 * Existing topics are left exactly as they are. Returns only once every partition's leader
 * serves requests (see {@link #awaitServing}).
 */
public final class TopicSetup {

  public static final Map<String, String> DEFAULTS = Map.of(
      "topic.partitions", "3",
      "topic.replication", "1",
      "topic.retention", "7d");

  private TopicSetup() {}

  /** Creates the missing ones; returns the names it created. */
  public static List<String> ensure(Properties kafka, Topics topics, Settings settings) {
    int partitions = settings.integer("topic.partitions");
    short replication = (short) settings.integer("topic.replication");
    String retention = String.valueOf(settings.duration("topic.retention").toMillis());
    List<NewTopic> wanted = List.of(
        new NewTopic(topics.raw(), partitions, replication).configs(Map.of("retention.ms", retention)),
        new NewTopic(topics.enriched(), partitions, replication).configs(Map.of("retention.ms", retention)),
        new NewTopic(topics.dlq(), partitions, replication).configs(Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))),
        new NewTopic(topics.actorStats(), partitions, replication).configs(Map.of("cleanup.policy", "compact")));
    try (Admin admin = Admin.create(kafka)) {
      return createServing(admin, wanted);
    } catch (ExecutionException e) {
      throw new ConfigException("cannot create topics on " + kafka.getProperty("bootstrap.servers") + ": " + e.getCause().getMessage(), e);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new ConfigException("cannot create topics on " + kafka.getProperty("bootstrap.servers") + ": " + e, e);
    }
  }

  /**
   * Creates those of {@code wanted} that do not exist (one that another instance creates at the same
   * moment is fine; an existing one is left as it is) and waits until all of them serve; returns the
   * names it created.
   */
  public static List<String> createServing(Admin admin, List<NewTopic> wanted)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
    List<String> created = new ArrayList<>();
    for (var entry : admin.createTopics(missing).values().entrySet()) {
      try {
        entry.getValue().get(30, TimeUnit.SECONDS);
        created.add(entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    awaitServing(admin, wanted.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
    return created;
  }

  /**
   * Waits until the leader of every partition of {@code topics} answers a ListOffsets request.
   * A created topic is in the metadata a moment before its leader can append; an idempotent
   * producer whose first batch lands in that moment gets NOT_LEADER_OR_FOLLOWER, its next batch
   * succeeds, and the first one then spins on OUT_OF_ORDER_SEQUENCE_NUMBER until it expires
   * and fails, despite acks=all (KAFKA-15591; reproducible with the 4.3.1 broker used here).
   */
  public static void awaitServing(Admin admin, Collection<String> topics, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        // describe and list offsets both answer UNKNOWN_TOPIC_OR_PARTITION until the broker has applied the creation
        TopicOffsets.latest(admin, topics, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
