package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.runtime.ConfigException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker ./newsflow starts: formats once, serves the Admin API, keeps data across restarts. */
class LocalKafkaBrokerIT {

  @TempDir Path dataDir;

  @Test
  void servesAdminAndKeepsTopicsAcrossRestarts() throws Exception {
    BrokerConfig config = new BrokerConfig("localhost", freePort(), freePort(), dataDir, 3);

    try (LocalKafkaBroker broker = LocalKafkaBroker.start(config); Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic("news.articles.raw", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("news.articles.raw");
    }
    assertThat(dataDir.resolve("meta.properties")).exists();

    try (LocalKafkaBroker broker = LocalKafkaBroker.start(config); Admin admin = admin(broker)) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("news.articles.raw");
      assertThat(admin.describeTopics(List.of("news.articles.raw")).allTopicNames().get(30, TimeUnit.SECONDS)
          .get("news.articles.raw").partitions()).hasSize(3);
    }
  }

  @Test
  void takenPortIsAOneLineConfigError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      BrokerConfig config = new BrokerConfig("localhost", taken.getLocalPort(), freePort(), dataDir, 1);

      assertThatThrownBy(() -> LocalKafkaBroker.start(config))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("broker.port: port " + taken.getLocalPort())
          .hasMessageContaining("already in use");
    }
  }

  private static Admin admin(LocalKafkaBroker broker) {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    return Admin.create(props);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
