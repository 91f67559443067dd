package io.newsflow.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Writes {@code schemas/history/index.json}: the CRC-64-AVRO fingerprint of each released
 * schema's Parsing Canonical Form, as 16 lower-case hex digits, mapped to its file name.
 *
 * <p>A consumer in any language finds the writer schema of a record by the 8 bytes after
 * {@code C3 01} (little-endian) in this index, without computing canonical form itself: some
 * libraries get it wrong (Debian's python3-avro 1.11 writes primitives as objects).
 * {@code FingerprintIndexTest} fails when the committed index and the history files disagree.
 */
public final class FingerprintIndex {

  public static final String FILE_NAME = "index.json";

  private FingerprintIndex() {}

  /** {@code java ... io.newsflow.schema.FingerprintIndex schemas/history} rewrites the index. */
  public static void main(String[] args) throws IOException {
    Path history = Path.of(args.length > 0 ? args[0] : "schemas/history");
    Files.writeString(history.resolve(FILE_NAME), render(of(history)), StandardCharsets.UTF_8);
    System.out.println("wrote " + history.resolve(FILE_NAME));
  }

  /** Fingerprint in hex -> file name, for every {@code .avsc} file in the folder. */
  public static SortedMap<String, String> of(Path history) {
    try (Stream<Path> files = Files.list(history)) {
      SortedMap<String, String> index = new TreeMap<>();
      files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted()
          .forEach(f -> index.put(hex(fingerprint(f)), f.getFileName().toString()));
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + history, e);
    }
  }

  /** How the index writes a fingerprint: the 64-bit value as 16 hex digits, most significant first. */
  public static String hex(long fingerprint) {
    return String.format("%016x", fingerprint);
  }

  /** One entry per line, sorted, so a new release shows as one added line in a diff. */
  static String render(Map<String, String> index) {
    return index.entrySet().stream()
        .map(e -> "  \"" + e.getKey() + "\": \"" + e.getValue() + "\"")
        .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
  }

  private static long fingerprint(Path file) {
    try {
      return SchemaNormalization.parsingFingerprint64(new Schema.Parser().parse(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }
}
