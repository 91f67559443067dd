package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.testing.KafkaClusterExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaConnectivityIT {

  @RegisterExtension
  static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

  @Test
  void reachableClusterAnswersWithItsId() {
    assertThat(KafkaConnectivity.requireReachable(kafka.clientProps(), Duration.ofSeconds(10))).isNotBlank();
  }

  @Test
  void nobodyListeningIsAOneLineErrorWithinTheTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", "localhost:" + closedPort);

    long started = System.nanoTime();
    assertThatThrownBy(() -> KafkaConnectivity.requireReachable(props, Duration.ofSeconds(2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no Kafka broker answered at localhost:" + closedPort);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void unresolvableHostNamesTheSetting() {
    Properties props = new Properties();
    props.put("bootstrap.servers", "no-such-host.invalid:9092");

    assertThatThrownBy(() -> KafkaConnectivity.requireReachable(props, Duration.ofSeconds(2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.bootstrap.servers");
  }
}
