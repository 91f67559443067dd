package io.newsflow.runtime;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/** Start-up check: a service with no reachable broker says so in one line instead of retrying forever. */
public final class KafkaConnectivity {

  private KafkaConnectivity() {}

  /** Returns the cluster id, or throws a {@link ConfigException} naming {@code kafka.bootstrap.servers}. */
  public static String requireReachable(Properties kafka, Duration timeout) {
    String servers = kafka.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.isBlank()) {
      throw new ConfigException("missing required setting kafka.bootstrap.servers (set NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS)");
    }
    Properties props = new Properties();
    props.putAll(kafka);
    int millis = (int) timeout.toMillis();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    try (Admin admin = Admin.create(props)) {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .clusterId().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (KafkaException e) {
      throw new ConfigException("kafka.bootstrap.servers '" + servers + "' is not usable: " + e.getMessage(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ConfigException("kafka.bootstrap.servers: no Kafka broker answered at " + servers
          + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while checking kafka.bootstrap.servers", e);
    }
  }
}
