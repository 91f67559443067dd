package io.newsflow.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Gives a test class one real Kafka cluster, shared by its tests:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);
 * }</pre>
 *
 * <p>Where the cluster runs is chosen by {@code NEWSFLOW_TEST_KAFKA}: {@code embedded} (Kafka's
 * in-JVM KRaft test kit), {@code container} (Testcontainers), or {@code auto}, the default:
 * a container when a Docker engine answers and the cluster has one broker, else embedded.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback {

  public static final String BACKEND_ENV = "NEWSFLOW_TEST_KAFKA";
  private static final Logger log = LoggerFactory.getLogger(KafkaClusterExtension.class);

  private final int brokers;
  private KafkaCluster cluster;
  private Admin admin;

  private KafkaClusterExtension(int brokers) {
    this.brokers = brokers;
  }

  public static KafkaClusterExtension brokers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a cluster needs at least one broker");
    }
    return new KafkaClusterExtension(count);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    long started = System.nanoTime();
    cluster = useContainer() ? new ContainerKafkaCluster() : new EmbeddedKafkaCluster(brokers);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(props);
    log.info("{} Kafka cluster with {} broker(s) at {} ready in {} ms", cluster.kind(), brokers,
        cluster.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private boolean useContainer() {
    String backend = System.getenv().getOrDefault(BACKEND_ENV, "auto").toLowerCase(Locale.ROOT);
    return switch (backend) {
      case "embedded" -> false;
      case "container" -> {
        if (brokers > 1) {
          throw new IllegalStateException(BACKEND_ENV + "=container supports one broker; this test needs " + brokers);
        }
        yield true;
      }
      case "auto" -> brokers == 1 && dockerAnswers();
      default -> throw new IllegalStateException(BACKEND_ENV + " must be embedded, container or auto, not " + backend);
    };
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  public KafkaCluster cluster() {
    return cluster;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** An admin client on the cluster, owned by the extension (do not close it). */
  public Admin admin() {
    return admin;
  }

  /**
   * Creates topics with as many replicas as the cluster has brokers, at most three, and returns
   * once every partition leader serves: an idempotent producer writing to a partition its leader
   * does not serve yet can lose its first batch (KAFKA-15591; the services guard against it the
   * same way in TopicSetup.awaitServing, which this module cannot depend on).
   */
  public void createTopics(int partitions, String... names) throws Exception {
    short replicas = (short) Math.min(cluster.brokerIds().size(), 3);
    List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, partitions, replicas)).toList();
    admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> created = new HashMap<>();
    for (String name : names) {
      for (int p = 0; p < partitions; p++) {
        created.put(new TopicPartition(name, p), OffsetSpec.latest());
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        admin.listOffsets(created).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) { // UNKNOWN_TOPIC_OR_PARTITION until the broker has applied the creation
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  /** Client properties pointing at the cluster. */
  public Properties clientProps() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  public Properties producerProps() {
    Properties props = clientProps();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return props;
  }

  /** A consumer in a fresh group reading committed data from the start. */
  public Properties consumerProps(String group) {
    Properties props = clientProps();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return props;
  }
}
