package io.newsflow.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;

/**
 * Does a Kafka broker answer? Asked with Admin's describeCluster and a short timeout, and the
 * answer remembered for a few seconds, so a dashboard polling {@code /health} costs the cluster
 * at most one small request per interval; the question is asked off the request thread.
 */
public final class BrokerProbe implements AutoCloseable {

  /** Whether a broker answered, and what to show an operator. */
  public record Status(boolean reachable, String detail) {}

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration REMEMBERED = Duration.ofSeconds(3);

  private final Admin admin;
  private final AtomicBoolean asking = new AtomicBoolean();
  private volatile Status last;
  private volatile long askedAt;

  public BrokerProbe(Properties kafka) {
    Properties props = new Properties();
    props.putAll(kafka);
    int millis = (int) TIMEOUT.toMillis();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000); // a broker back is seen within a second
    this.admin = Admin.create(props);
  }

  /**
   * The latest answer. Only the very first call waits for one; after that an answer older than
   * {@link #REMEMBERED} is asked for again in the background and the request thread gets the last
   * one, so a health check never waits on a broker that is down.
   */
  public Status check() {
    if (last == null) {
      synchronized (this) {
        if (last == null) {
          record(await(describe()));
        }
      }
    } else if (System.nanoTime() - askedAt >= REMEMBERED.toNanos() && asking.compareAndSet(false, true)) {
      describe().whenComplete((brokers, error) -> {
        record(error == null ? reachable(brokers.size()) : UNREACHABLE);
        asking.set(false);
      });
    }
    return last;
  }

  private static final Status UNREACHABLE = new Status(false, "no broker answered within " + TIMEOUT.toSeconds() + " s");

  private KafkaFuture<Collection<Node>> describe() {
    return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis())).nodes();
  }

  private static Status await(KafkaFuture<Collection<Node>> nodes) {
    try {
      return reachable(nodes.get(TIMEOUT.toMillis() + 500L, TimeUnit.MILLISECONDS).size());
    } catch (ExecutionException | TimeoutException e) {
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "interrupted while asking the broker");
    }
  }

  private static Status reachable(int brokers) {
    return new Status(true, "ok (" + brokers + " broker(s))");
  }

  private void record(Status status) {
    last = status;
    askedAt = System.nanoTime();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
