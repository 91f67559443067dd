package io.newsflow.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every schema version newsflow has released, found by its CRC-64-AVRO fingerprint.
 *
 * <p>A single-object-encoded record carries only its writer schema's fingerprint; this store
 * turns that back into the schema, so data written by any earlier release stays readable.
 * Released versions live in {@code schemas/history/<Name>.v<N>.avsc} (self-contained JSON) and
 * ship in the jar; the current version of each record comes from its generated class.
 */
public final class SchemaHistory implements SchemaStore {

  /** The record types on newsflow's topics, in their current version. */
  public static final List<Schema> CURRENT =
      List.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(), ActorStats.getClassSchema());

  private static final String RESOURCE_DIR = "newsflow/schemas/history/";
  private static final SchemaHistory DEFAULT = loadDefault();

  private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

  public SchemaHistory() {}

  /** The store of every released version on the classpath plus the current schemas. */
  public static SchemaHistory defaultHistory() {
    return DEFAULT;
  }

  /** Adds a writer schema this store should resolve; returns its fingerprint. */
  public long add(Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    byFingerprint.put(fingerprint, schema);
    return fingerprint;
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Released versions of one record, oldest first, as stored under history/. */
  public static List<Schema> releasedVersions(String recordName) {
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = RESOURCE_DIR + recordName + ".v" + version + ".avsc";
      try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema " + resource, e);
      }
    }
  }

  private static SchemaHistory loadDefault() {
    SchemaHistory history = new SchemaHistory();
    for (Schema current : CURRENT) {
      releasedVersions(current.getName()).forEach(history::add);
      history.add(current);
    }
    return history;
  }
}
