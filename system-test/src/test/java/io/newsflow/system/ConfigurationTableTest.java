package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.AggregateConfig;
import io.newsflow.broker.BrokerConfig;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Configuration table and the settings the code declares (each service's
 * {@code DEFAULTS}, the one place a setting and its default are written) list the same keys,
 * with the same defaults where the README gives a literal one.
 */
class ConfigurationTableTest {

  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.-]*)` \\| ([^|]*) \\|");
  private static final Pattern LITERAL = Pattern.compile("^`([^`]*)`$");

  @Test
  void theReadmeTableListsEverySettingTheServicesDeclareAndTheirDefaults() throws Exception {
    Map<String, Set<String>> declared = new TreeMap<>();
    for (Map<String, String> defaults : List.of(IngestConfig.DEFAULTS, EnrichConfig.DEFAULTS, AggregateConfig.DEFAULTS,
        BrokerConfig.DEFAULTS)) {
      defaults.forEach((key, value) -> declared.computeIfAbsent(key, k -> new TreeSet<>()).add(value));
    }
    String readme = Files.readString(RunningPipeline.ROOT.resolve("README.md"));
    String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
    Map<String, String> documented = new TreeMap<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      documented.put(row.group(1), row.group(2).trim());
    }

    assertThat(documented.keySet()).as("settings in the README table").isEqualTo(declared.keySet());
    Map<String, String> differing = new TreeMap<>();
    documented.forEach((key, cell) -> {
      Matcher literal = LITERAL.matcher(cell);
      if (literal.matches() && !declared.get(key).equals(Set.of(literal.group(1)))) {
        differing.put(key, "README " + cell + ", code " + declared.get(key));
      }
    });
    assertThat(differing).as("defaults the README states differently from the code").isEmpty();
  }
}
