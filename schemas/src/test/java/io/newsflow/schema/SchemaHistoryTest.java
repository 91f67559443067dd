package io.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The rules that keep every released schema version readable. */
class SchemaHistoryTest {

  @Test
  void currentVersionCanReadEveryReleasedVersion() {
    for (Schema current : SchemaHistory.CURRENT) {
      List<Schema> released = SchemaHistory.releasedVersions(current.getName());
      assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
      for (Schema writer : released) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getType())
            .as("%s reads %s", current.getName(), writer)
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  @Test
  void currentVersionIsReleased() {
    // Changing an .avsc means freezing it as the next history/<Name>.v<N>.avsc in the same commit.
    for (Schema current : SchemaHistory.CURRENT) {
      List<Schema> released = SchemaHistory.releasedVersions(current.getName());
      Schema newest = released.get(released.size() - 1);
      assertThat(SchemaNormalization.parsingFingerprint64(newest))
          .as("history/%s.v%d.avsc matches src/main/avro/%s.avsc", current.getName(), released.size(), current.getName())
          .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }
  }

  @Test
  void everyFileInHistoryIsLoaded() throws IOException {
    long loaded = SchemaHistory.CURRENT.stream()
        .mapToLong(s -> SchemaHistory.releasedVersions(s.getName()).size()).sum();
    try (Stream<Path> files = Files.list(Path.of("history"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".avsc")).count())
          .as("history/ files must be named <Name>.v<N>.avsc with no gap in N")
          .isEqualTo(loaded);
    }
  }

  @Test
  void resolvesEveryReleasedFingerprint() {
    SchemaHistory history = SchemaHistory.defaultHistory();
    for (Schema current : SchemaHistory.CURRENT) {
      for (Schema released : SchemaHistory.releasedVersions(current.getName())) {
        assertThat(history.findByFingerprint(SchemaNormalization.parsingFingerprint64(released))).isNotNull();
      }
    }
  }
}
