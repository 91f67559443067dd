package io.newsflow.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.RejectReason;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.ingest.article.Rejection;
import io.newsflow.ingest.article.Utf8Text;
import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.runtime.BearerToken;
import io.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /articles}: one JSON article or an array, one {@link ArticleIntake.Batch#ALL_OR_NOTHING}
 * batch: every article is validated first, then all are published and acknowledged by Kafka
 * before the 202 (an article published before is acknowledged without being sent again); any
 * failure answers an error, so the caller knows to retry (ids are stable, retries are safe).
 */
public final class ArticlesEndpoint {

  private final ArticleIntake intake;
  private final JsonArticleReader reader;
  private final BearerToken authToken;
  private final long maxRequestBytes;
  private final Duration ackTimeout;

  public ArticlesEndpoint(ArticleIntake intake, JsonArticleReader reader, String authToken, long maxRequestBytes,
      Duration ackTimeout) {
    this.intake = intake;
    this.reader = reader;
    this.authToken = new BearerToken(authToken);
    this.maxRequestBytes = maxRequestBytes;
    this.ackTimeout = ackTimeout;
  }

  public void register(JavalinConfig config) {
    config.http.maxRequestSize = maxRequestBytes + 1;
    config.routes.post("/articles", this::post);
  }

  private void post(Context ctx) {
    if (!authToken.accepts(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer");
      refuse(ctx, HttpStatus.UNAUTHORIZED, RejectReason.UNAUTHORIZED,
          "missing or wrong bearer token (Authorization: Bearer <ingest.auth.token>)");
      return;
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, RejectReason.UNSUPPORTED_MEDIA_TYPE,
          "send Content-Type: application/json, not " + (type == null ? "nothing" : type));
      return;
    }
    long length = ctx.contentLength();
    if (length > maxRequestBytes) {
      refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, RejectReason.TOO_LARGE,
          "request is " + length + " bytes, over the limit of " + maxRequestBytes + " (ingest.max.request.bytes)");
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > maxRequestBytes) {
      refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, RejectReason.TOO_LARGE,
          "request is over the limit of " + maxRequestBytes + " bytes (ingest.max.request.bytes)");
      return;
    }
    List<ArticleDraft> drafts;
    try {
      drafts = drafts(body);
    } catch (RejectedArticleException e) {
      refuse(ctx, HttpStatus.BAD_REQUEST, e.rejection().reason(), e.getMessage());
      return;
    }
    ArticleIntake.Outcome outcome = intake.take(drafts, ArticleIntake.Batch.ALL_OR_NOTHING, ackTimeout);
    if (!outcome.refused().isEmpty()) { // counted by the intake
      error(ctx, HttpStatus.BAD_REQUEST, outcome.refused().get(0).rejection().toString());
    } else if (!outcome.acknowledged()) {
      ctx.header("Retry-After", "5");
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, outcome.failure() + "; nothing is acknowledged, retry the whole request");
    } else {
      ctx.status(HttpStatus.ACCEPTED).json(Map.of("ids", outcome.accepted().stream().map(RawArticle::getId).toList()));
    }
  }

  /** Every article of the body as a draft; an item that is no article at all rejects the whole request. */
  private List<ArticleDraft> drafts(byte[] body) throws RejectedArticleException {
    JsonNode json = reader.parse(Utf8Text.decode(body, "body"), "body");
    List<JsonNode> items = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(items::add);
    } else {
      items.add(json);
    }
    if (items.isEmpty()) {
      throw new RejectedArticleException(RejectReason.MISSING_TEXT, "body", "the array holds no article");
    }
    List<ArticleDraft> drafts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      drafts.add(reader.read(items.get(i), "http", json.isArray() ? "articles[" + i + "]" : "article"));
    }
    return drafts;
  }

  /** An answer to input that will not be published: counted by reason, like every other rejection. */
  private void refuse(Context ctx, HttpStatus status, RejectReason reason, String message) {
    intake.rejected(new Rejection(reason, "POST /articles", message));
    error(ctx, status, message);
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }
}
