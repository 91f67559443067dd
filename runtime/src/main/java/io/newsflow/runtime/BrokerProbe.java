package io.newsflow.runtime;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Does a Kafka broker answer? Asked with Admin's describeCluster and a short timeout, and the
 * answer remembered for a few seconds, so a dashboard polling {@code /health} costs the cluster
 * at most one small request per interval and a health check never waits long.
 */
public final class BrokerProbe implements AutoCloseable {

  /** Whether a broker answered, and what to show an operator. */
  public record Status(boolean reachable, String detail) {}

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration REMEMBERED = Duration.ofSeconds(3);

  private final Admin admin;
  private Status last;
  private long askedAt;

  public BrokerProbe(Properties kafka) {
    Properties props = new Properties();
    props.putAll(kafka);
    int millis = (int) TIMEOUT.toMillis();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000); // a broker back is seen within a second
    this.admin = Admin.create(props);
  }

  /** The latest answer, asked again once it is older than {@link #REMEMBERED}. */
  public synchronized Status check() {
    if (last == null || System.nanoTime() - askedAt >= REMEMBERED.toNanos()) {
      last = ask();
      askedAt = System.nanoTime();
    }
    return last;
  }

  private Status ask() {
    int millis = (int) TIMEOUT.toMillis();
    try {
      int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .nodes().get(millis + 500L, TimeUnit.MILLISECONDS).size();
      return new Status(true, "ok (" + brokers + " broker(s))");
    } catch (ExecutionException | TimeoutException e) {
      return new Status(false, "no broker answered within " + TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "interrupted while asking the broker");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
