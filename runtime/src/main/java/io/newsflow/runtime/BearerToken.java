package io.newsflow.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An {@code Authorization: Bearer <token>} check (ingest's {@code POST /articles}, aggregate's
 * read token). Both sides are
 * hashed and compared with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of a guess was right, nor about the token's length.
 */
public final class BearerToken {

  private final byte[] expected;

  /** An empty token means none is required. */
  public BearerToken(String token) {
    this.expected = token.isEmpty() ? null : sha256("Bearer " + token);
  }

  public boolean required() {
    return expected != null;
  }

  /** True when no token is required or the header carries the right one. */
  public boolean accepts(String authorizationHeader) {
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
