package io.newsflow.runtime;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a service: {@code /metrics} (Prometheus text), {@code /health} (JSON) and
 * whatever routes the service adds. Unexpected errors answer JSON, never a stack trace.
 */
public final class ServiceHttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin app;
  private final AutoCloseable healthProbe;

  private ServiceHttpServer(Javalin app, AutoCloseable healthProbe) {
    this.app = app;
    this.healthProbe = healthProbe;
  }

  /**
   * As {@link #start(String, int, ServiceMetrics, Supplier, Consumer)}, and {@code /health} is
   * also down while no broker of {@code kafka} answers (see {@link BrokerProbe}).
   */
  public static ServiceHttpServer start(String host, int port, ServiceMetrics metrics, Properties kafka,
      Supplier<Health> health, Consumer<JavalinConfig> serviceRoutes) {
    BrokerAwareHealth withBroker = new BrokerAwareHealth(kafka, health);
    try {
      return create(host, port, metrics, withBroker, serviceRoutes, withBroker);
    } catch (RuntimeException e) {
      withBroker.close();
      throw e;
    }
  }

  /** Starts on {@code host:port} (port 0 picks a free one); a taken port is a {@link ConfigException}. */
  public static ServiceHttpServer start(String host, int port, ServiceMetrics metrics,
      Supplier<Health> health, Consumer<JavalinConfig> serviceRoutes) {
    return create(host, port, metrics, health, serviceRoutes, () -> { });
  }

  private static ServiceHttpServer create(String host, int port, ServiceMetrics metrics,
      Supplier<Health> health, Consumer<JavalinConfig> serviceRoutes, AutoCloseable healthProbe) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.jsonMapper(Json.javalinMapper());
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
      config.routes.get("/health", ctx -> {
        Health h = health.get();
        ctx.status(h.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .json(Map.of("status", h.up() ? "UP" : "DOWN", "details", h.details()));
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
      });
      serviceRoutes.accept(config);
    });
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw new ConfigException("http.port: port " + port + " on " + host + " is already in use", e);
    }
    return new ServiceHttpServer(app, healthProbe);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    try {
      healthProbe.close();
    } catch (Exception e) {
      log.warn("closing the broker probe failed: {}", e.toString());
    }
  }
}
