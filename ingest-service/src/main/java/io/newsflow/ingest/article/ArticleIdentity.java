package io.newsflow.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable keys, so that ingesting the same article again produces the same record key and
 * downstream stays idempotent: the source's own id when it gives one, else a hash of the
 * canonical URL, else a hash of the normalised title and text.
 */
public final class ArticleIdentity {

  private ArticleIdentity() {}

  public static String idFor(String sourceId, String url, String title, String text) {
    if (sourceId != null && !sourceId.isBlank()) {
      return sourceId.trim();
    }
    if (url != null && !url.isBlank()) {
      return "url-" + sha256(canonicalUrl(url)).substring(0, 32);
    }
    return "sha-" + sha256(contentKey(title, text)).substring(0, 32);
  }

  /** SHA-256 of title and text: the same id with a new hash is a correction, not a repeat. */
  public static String contentHash(String title, String text) {
    return sha256(contentKey(title, text));
  }

  private static String contentKey(String title, String text) {
    return (title == null ? "" : title) + "\n" + text;
  }

  /** Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash. */
  static String canonicalUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
          .filter(p -> !p.startsWith("utm_") && !p.startsWith("fbclid") && !p.startsWith("gclid") && !p.isEmpty())
          .sorted().collect(Collectors.joining("&"));
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT) + "://";
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return scheme + host + port + path + (query == null || query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return url.trim();
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
