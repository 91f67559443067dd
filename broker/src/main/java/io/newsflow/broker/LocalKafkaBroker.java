package io.newsflow.broker;

import io.newsflow.runtime.ConfigException;
import io.newsflow.runtime.ServiceLauncher;
import io.newsflow.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run
 * with Kafka's own server classes. Storage is formatted on first start and kept across restarts.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

  private final KafkaRaftServer server;
  private final BrokerConfig config;

  private LocalKafkaBroker(KafkaRaftServer server, BrokerConfig config) {
    this.server = server;
    this.config = config;
  }

  public static void main(String[] args) {
    ServiceLauncher.run("broker", () -> start(BrokerConfig.from(Settings.load(BrokerConfig.DEFAULTS))));
  }

  public static LocalKafkaBroker start(BrokerConfig config) throws IOException {
    requireFree(config.host(), config.port(), "broker.port");
    requireFree(config.host(), config.controllerPort(), "broker.controller.port");
    Files.createDirectories(config.dataDir());
    Path propsFile = config.dataDir().resolve("server.properties");
    Properties props = serverProperties(config);
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "written by newsflow's LocalKafkaBroker on every start");
    }
    if (!Files.exists(config.dataDir().resolve("meta.properties"))) {
      format(propsFile);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    log.info("Kafka broker (KRaft) listening at {} with data in {}", config.bootstrapServers(), config.dataDir());
    return new LocalKafkaBroker(server, config);
  }

  static Properties serverProperties(BrokerConfig config) {
    String host = config.host();
    Properties props = new Properties();
    props.put("node.id", "1");
    props.put("process.roles", "broker,controller");
    props.put("listeners", "PLAINTEXT://" + host + ":" + config.port() + ",CONTROLLER://" + host + ":" + config.controllerPort());
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + config.port());
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.quorum.voters", "1@" + host + ":" + config.controllerPort());
    props.put("log.dirs", config.dataDir().toString());
    // One node: internal topics cannot have more than one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", String.valueOf(config.defaultPartitions()));
    // newsflow creates its topics with explicit settings; a typo must not create a new one.
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    String clusterId = Uuid.randomUuid().toString();
    int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()},
        new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
    }
    log.info("formatted new Kafka storage, cluster id {}", clusterId);
  }

  private static void requireFree(String host, int port, String key) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new ConfigException(key + ": port " + port + " on " + host
          + " is already in use (another broker? `./newsflow down` stops the one newsflow started)");
    }
  }

  public String bootstrapServers() {
    return config.bootstrapServers();
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
