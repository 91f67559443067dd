package io.newsflow.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code Authorization: Bearer <token>} check of {@code POST /articles}. Both sides are
 * hashed and compared with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of a guess was right, nor about the token's length.
 */
final class BearerToken {

  private final byte[] expected;

  /** An empty token means none is required. */
  BearerToken(String token) {
    this.expected = token.isEmpty() ? null : sha256("Bearer " + token);
  }

  boolean required() {
    return expected != null;
  }

  /** True when no token is required or the header carries the right one. */
  boolean accepts(String authorizationHeader) {
    if (expected == null) {
      return true;
    }
    return MessageDigest.isEqual(expected, sha256(authorizationHeader == null ? "" : authorizationHeader));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
