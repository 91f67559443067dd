package io.newsflow.aggregate.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * The live dashboard at {@code /}: static page, ECharts from its WebJar, {@code /pipeline} and
 * {@code /articles/recent} (the evidence view's articles).
 */
public final class Dashboard {

  private static final int DEFAULT_LIMIT = 10;

  private final PipelineStatus pipeline;
  private final RecentArticles recent;

  public Dashboard(PipelineStatus pipeline, RecentArticles recent) {
    this.pipeline = pipeline;
    this.recent = recent;
  }

  public void register(JavalinConfig config) {
    registerPage(config);
    config.routes.get("/pipeline", ctx -> ctx.json(pipeline.snapshot()));
    config.routes.get("/articles/recent", this::recentArticles);
  }

  /** The page and its scripts (static files and the ECharts WebJar), without the pipeline data. */
  public static void registerPage(JavalinConfig config) {
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/dashboard";
      files.location = Location.CLASSPATH;
    });
    config.staticFiles.enableWebjars();
  }

  private void recentArticles(Context ctx) {
    Integer limit = limit(ctx.queryParam("limit"));
    if (limit == null) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "limit must be a whole number from 1 to "
          + RecentArticles.MAX_LIMIT + ", not '" + ctx.queryParam("limit") + "'"));
      return;
    }
    try {
      ctx.json(recent.newest(limit).stream().map(ArticleEvidence::of).toList());
    } catch (KafkaException e) { // the broker did not answer in time: the page asks again on its next poll
      ctx.header("Retry-After", "2");
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "the enriched topic is not answering ("
          + e.getMessage() + "); retry"));
    }
  }

  /** The limit asked for, the default when none, or null when it is not a whole number within bounds. */
  private static Integer limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value);
      return n >= 1 && n <= RecentArticles.MAX_LIMIT ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
