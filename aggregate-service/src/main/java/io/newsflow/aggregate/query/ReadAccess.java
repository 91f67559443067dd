package io.newsflow.aggregate.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsflow.runtime.BearerToken;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The optional read token of the query API and the dashboard ({@code aggregate.auth.token}): when
 * set, every request but {@code /health} and {@code /metrics} (what health checks and Prometheus
 * scrape) needs it, as {@code Authorization: Bearer <token>} (API clients, other instances), as
 * the cookie the dashboard link {@code /?token=<token>} sets (HttpOnly, SameSite=Strict, so the
 * page's own polling carries it), or as that query parameter. Unset, everything stays open.
 */
public final class ReadAccess {

  static final String COOKIE = "newsflow_token";
  private static final Set<String> OPEN = Set.of("/health", "/metrics");

  private final String token;
  private final BearerToken check;

  public ReadAccess(String token) {
    this.token = token;
    this.check = new BearerToken(token);
  }

  public void register(JavalinConfig config) {
    if (check.required()) {
      config.routes.before(this::require);
    }
  }

  /** The Authorization header value an instance sends when it asks another one, or null without a token. */
  String authorization() {
    return check.required() ? "Bearer " + token : null;
  }

  private void require(Context ctx) {
    if (OPEN.contains(ctx.path()) || check.accepts(ctx.header("Authorization"))) {
      return;
    }
    String query = ctx.queryParam("token");
    if (query != null && check.accepts("Bearer " + query)) {
      ctx.header("Set-Cookie", COOKIE + "=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
          + "; Path=/; HttpOnly; SameSite=Strict");
      return;
    }
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && check.accepts("Bearer " + URLDecoder.decode(cookie, StandardCharsets.UTF_8))) {
      return;
    }
    ctx.header("WWW-Authenticate", "Bearer");
    ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "this aggregate-service needs its read token "
        + "(aggregate.auth.token): send Authorization: Bearer <token>, or open the dashboard as /?token=<token>"));
    ctx.skipRemainingHandlers();
  }
}
