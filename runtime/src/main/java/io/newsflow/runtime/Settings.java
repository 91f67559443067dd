package io.newsflow.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration as flat string keys, layered: defaults, then an optional properties file, then
 * {@code NEWSFLOW_*} environment variables ({@code NEWSFLOW_HTTP_PORT} sets {@code http.port}).
 * Typed getters fail with a {@link ConfigException} naming the key and the layer it came from.
 * Every {@code kafka.*} key reaches the Kafka client unchanged, so SASL/TLS need no code.
 */
public final class Settings {

  /** The environment variable (or -D system property {@code newsflow.config}) naming a properties file. */
  public static final String CONFIG_FILE_ENV = "NEWSFLOW_CONFIG";

  private static final String ENV_PREFIX = "NEWSFLOW_";
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();

  private Settings() {}

  /** Loads the layers from this process: its environment and the file it names. */
  public static Settings load(Map<String, String> defaults) {
    Map<String, String> env = System.getenv();
    String file = System.getProperty("newsflow.config", env.get(CONFIG_FILE_ENV));
    return load(defaults, file == null || file.isBlank() ? null : Path.of(file), env);
  }

  public static Settings load(Map<String, String> defaults, Path file, Map<String, String> env) {
    Settings settings = new Settings();
    defaults.forEach((k, v) -> settings.put(k, v, "default"));
    if (file != null) {
      settings.readFile(file);
    }
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV)) {
        settings.put(keyOf(name, defaults.keySet()), value, "environment " + name);
      }
    });
    return settings;
  }

  /**
   * {@code NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS} is {@code kafka.bootstrap.servers}; a variable cannot
   * hold a hyphen, so {@code NEWSFLOW_TOPIC_ACTOR_STATS} is the known key {@code topic.actor-stats}.
   */
  static String keyOf(String envName, java.util.Collection<String> known) {
    String key = envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    return known.stream().filter(k -> k.replace('-', '.').equals(key)).findFirst().orElse(key);
  }

  private void readFile(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
    }
    props.stringPropertyNames().forEach(k -> put(k, props.getProperty(k), "file " + file));
  }

  private void put(String key, String value, String origin) {
    values.put(key, value.trim());
    origins.put(key, origin);
  }

  public String string(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw new ConfigException("missing required setting " + key + " (set it in the properties file or as "
          + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_') + ")");
    }
    return value;
  }

  public String string(String key, String fallback) {
    String value = values.get(key);
    return value == null || value.isEmpty() ? fallback : value;
  }

  public int integer(String key) {
    try {
      return Integer.parseInt(string(key));
    } catch (NumberFormatException e) {
      throw malformed(key, "a whole number");
    }
  }

  public int port(String key) {
    int port = integer(key);
    if (port < 0 || port > 65535) {
      throw malformed(key, "a port number from 0 to 65535");
    }
    return port;
  }

  public long longValue(String key) {
    try {
      return Long.parseLong(string(key));
    } catch (NumberFormatException e) {
      throw malformed(key, "a whole number");
    }
  }

  public boolean bool(String key) {
    String value = string(key).toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw malformed(key, "true or false");
  }

  /** Accepts {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT30S}). */
  public Duration duration(String key) {
    String value = string(key);
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw malformed(key, "a duration such as 500ms, 30s, 5m, 2h or 7d");
    }
  }

  /** Every {@code kafka.*} key with the prefix removed: the Kafka client's own properties. */
  public Properties kafka() {
    Properties props = new Properties();
    values.forEach((k, v) -> {
      if (k.startsWith("kafka.")) {
        props.put(k.substring("kafka.".length()), v);
      }
    });
    return props;
  }

  /** Where a key's value came from: default, a file, or an environment variable. */
  public String origin(String key) {
    return origins.getOrDefault(key, "unset");
  }

  private ConfigException malformed(String key, String expected) {
    return new ConfigException(key + " must be " + expected + ", got '" + values.get(key) + "' (from " + origin(key) + ")");
  }
}
