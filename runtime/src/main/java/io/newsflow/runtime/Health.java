package io.newsflow.runtime;

import java.util.Map;

/** What {@code /health} answers: 200 when up, 503 when not, with details either way. */
public record Health(boolean up, Map<String, Object> details) {
  public static Health up(Map<String, Object> details) {
    return new Health(true, details);
  }

  public static Health down(Map<String, Object> details) {
    return new Health(false, details);
  }
}
