package io.newsflow.aggregate.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/** The live dashboard at {@code /}: static page, ECharts from its WebJar, and {@code /pipeline}. */
public final class Dashboard {

  private final PipelineStatus pipeline;

  public Dashboard(PipelineStatus pipeline) {
    this.pipeline = pipeline;
  }

  public void register(JavalinConfig config) {
    registerPage(config);
    config.routes.get("/pipeline", ctx -> ctx.json(pipeline.snapshot()));
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
}
