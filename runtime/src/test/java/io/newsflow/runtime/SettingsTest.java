package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void environmentOverridesFileOverridesDefaults() throws Exception {
    Path file = Files.writeString(dir.resolve("enrich.properties"), "http.port=8100\ntopic.raw=from-file\n");

    Settings settings = Settings.load(Map.of("http.port", "8080", "topic.raw", "default-raw", "topic.dlq", "dlq"),
        file, Map.of("NEWSFLOW_HTTP_PORT", "9000", "PATH", "/usr/bin"));

    assertThat(settings.port("http.port")).isEqualTo(9000);
    assertThat(settings.origin("http.port")).isEqualTo("environment NEWSFLOW_HTTP_PORT");
    assertThat(settings.string("topic.raw")).isEqualTo("from-file");
    assertThat(settings.string("topic.dlq")).isEqualTo("dlq");
    assertThat(settings.origin("topic.dlq")).isEqualTo("default");
  }

  @Test
  void aVariableReachesAKnownKeyWithAHyphen() {
    Settings settings = Settings.load(Map.of("topic.actor-stats", "news.actor-stats"), null,
        Map.of("NEWSFLOW_TOPIC_ACTOR_STATS", "my.stats"));

    assertThat(settings.string("topic.actor-stats")).isEqualTo("my.stats");
    assertThat(settings.origin("topic.actor-stats")).isEqualTo("environment NEWSFLOW_TOPIC_ACTOR_STATS");
  }

  @Test
  void kafkaKeysPassThroughUnchanged() {
    Settings settings = Settings.load(Map.of("kafka.bootstrap.servers", "localhost:9092"), null, Map.of(
        "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN",
        "NEWSFLOW_HTTP_PORT", "1"));

    assertThat(settings.kafka()).containsOnly(
        Map.entry("bootstrap.servers", "localhost:9092"),
        Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("sasl.mechanism", "PLAIN"));
  }

  @Test
  void malformedValueNamesTheSettingAndWhereItCameFrom() {
    Settings settings = Settings.load(Map.of("http.port", "8080"), null, Map.of("NEWSFLOW_HTTP_PORT", "eighty"));

    assertThatThrownBy(() -> settings.port("http.port"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("http.port must be a whole number, got 'eighty' (from environment NEWSFLOW_HTTP_PORT)");
  }

  @Test
  void missingRequiredValueSaysHowToSetIt() {
    Settings settings = Settings.load(Map.of(), null, Map.of());

    assertThatThrownBy(() -> settings.string("kafka.bootstrap.servers"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing required setting kafka.bootstrap.servers")
        .hasMessageContaining("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void durationsAndPortsAreChecked() {
    Settings settings = Settings.load(Map.of("a", "30s", "b", "PT2M", "c", "soon", "p", "70000"), null, Map.of());

    assertThat(settings.duration("a")).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.duration("b")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> settings.duration("c")).hasMessageContaining("c must be a duration");
    assertThatThrownBy(() -> settings.port("p")).hasMessageContaining("p must be a port number");
  }

  @Test
  void unreadableFileIsAClearError() {
    assertThatThrownBy(() -> Settings.load(Map.of(), dir.resolve("missing.properties"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.properties cannot be read");
  }
}
