package io.newsflow.runtime;

import java.util.Map;

/** The topic names every service agrees on; configuration with these defaults. */
public record Topics(String raw, String enriched, String dlq, String actorStats) {

  public static final Map<String, String> DEFAULTS = Map.of(
      "topic.raw", "news.articles.raw",
      "topic.enriched", "news.articles.enriched",
      "topic.dlq", "news.articles.dlq",
      "topic.actor-stats", "news.actor-stats");

  public static Topics from(Settings settings) {
    return new Topics(settings.string("topic.raw"), settings.string("topic.enriched"),
        settings.string("topic.dlq"), settings.string("topic.actor-stats"));
  }
}
