package io.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The published index of released schemas by fingerprint agrees with Avro's own fingerprints. */
class FingerprintIndexTest {

  private static final Path HISTORY = Path.of("history");
  private static final String REGENERATE = "regenerate it: mvn -q -pl schemas compile "
      + "org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.mainClass=io.newsflow.schema.FingerprintIndex";

  @Test
  void indexHasTheRightFingerprintOfEveryHistoryFileAndNothingElse() throws IOException {
    Map<String, String> published = new ObjectMapper().readValue(
        HISTORY.resolve(FingerprintIndex.FILE_NAME).toFile(), new TypeReference<TreeMap<String, String>>() {});
    assertThat(published).as("schemas/history/index.json; " + REGENERATE).isEqualTo(fingerprintsOfHistoryFiles());
  }

  @Test
  void indexSaysWhatTheWireSaysForEnrichedArticleV1() throws IOException {
    // The value seen on the wire for EnrichedArticle v1 (issue 14): hex of the long, most significant digit first.
    Map<String, String> published = new ObjectMapper().readValue(
        HISTORY.resolve(FingerprintIndex.FILE_NAME).toFile(), new TypeReference<TreeMap<String, String>>() {});
    assertThat(published).containsEntry("c29d55f7c30b877b", "EnrichedArticle.v1.avsc");
  }

  @Test
  void toolWritesWhatIsPublished() throws IOException {
    assertThat(FingerprintIndex.render(FingerprintIndex.of(HISTORY)))
        .as(REGENERATE)
        .isEqualTo(Files.readString(HISTORY.resolve(FingerprintIndex.FILE_NAME)));
  }

  /** Computed here from Avro's SchemaNormalization, independently of the tool. */
  private static Map<String, String> fingerprintsOfHistoryFiles() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(HISTORY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(new Schema.Parser().parse(file.toFile()));
        expected.put(String.format("%016x", fingerprint), file.getFileName().toString());
      }
    }
    assertThat(expected).as("history files").isNotEmpty();
    return expected;
  }
}
