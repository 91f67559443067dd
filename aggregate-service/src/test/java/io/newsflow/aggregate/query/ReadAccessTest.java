package io.newsflow.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Health;
import io.newsflow.runtime.ServiceHttpServer;
import io.newsflow.runtime.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read token in front of every query and dashboard path: wrong, missing and right tokens, header, link and cookie. */
class ReadAccessTest {

  /** The dashboard page's files, served as the service serves them. */
  private static final List<String> PAGE = List.of("/", "/dashboard.js");
  /** The data paths (answered here by a plain route behind the check: the check is what is tested). */
  private static final List<String> DATA = List.of("/pipeline", "/actors", "/actors/sudan", "/actors/sudan/timeline",
      "/actors/sudan/co-actors", "/actors/sudan/figures", "/actors/sudan/figures.csv", "/articles/recent");
  private static final List<String> GUARDED = java.util.stream.Stream.concat(PAGE.stream(), DATA.stream()).toList();

  private final HttpClient http = HttpClient.newHttpClient();
  private ServiceMetrics metrics;
  private ServiceHttpServer server;

  private void serve(String token) {
    metrics = new ServiceMetrics("aggregate-test");
    ReadAccess access = new ReadAccess(token);
    server = ServiceHttpServer.start("localhost", 0, metrics, () -> Health.up(Map.of()), config -> {
      access.register(config);
      io.newsflow.aggregate.dashboard.Dashboard.registerPage(config);
      DATA.forEach(path -> config.routes.get(path, ctx -> ctx.result("served " + path)));
    });
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withATokenEveryQueryAndDashboardPathNeedsIt() throws Exception {
    serve("r3ad-only");
    for (String path : GUARDED) {
      HttpResponse<String> missing = get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(401);
      assertThat(missing.body()).contains("aggregate.auth.token");
      assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(get(path, "Authorization", "Bearer wrong").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Authorization", "Bearer r3ad-onl").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path + "?token=wrong").statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Cookie", ReadAccess.COOKIE + "=wrong").statusCode()).as(path).isEqualTo(401);
      HttpResponse<String> right = get(path, "Authorization", "Bearer r3ad-only");
      assertThat(right.statusCode()).as(path).isEqualTo(200);
      assertThat(right.body()).isNotEmpty();
    }
    assertThat(get("/health").statusCode()).as("health checks need no token").isEqualTo(200);
    assertThat(get("/metrics").statusCode()).as("nor does Prometheus").isEqualTo(200);
  }

  @Test
  void theDashboardLinkSetsACookieThePagesPollingCarries() throws Exception {
    serve("r3ad-only");
    HttpResponse<String> link = get("/?token=r3ad-only");
    assertThat(link.statusCode()).isEqualTo(200);
    String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith(ReadAccess.COOKIE + "=r3ad-only;").contains("HttpOnly").contains("SameSite=Strict");
    assertThat(get("/actors", "Cookie", cookie.substring(0, cookie.indexOf(';'))).body()).isEqualTo("served /actors");
  }

  @Test
  void withoutATokenEverythingIsOpen() throws Exception {
    serve("");
    for (String path : GUARDED) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
  }
}
