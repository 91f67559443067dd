package io.newsflow.ingest.source;

import io.newsflow.runtime.BearerToken;
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
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.schema.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /articles}: one JSON article or an array. A batch is all-or-nothing: every article
 * is validated first, then all are published and acknowledged by Kafka before the 202; any
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
    List<RawArticle> articles;
    try {
      articles = articles(body);
    } catch (RejectedArticleException e) {
      refuse(ctx, HttpStatus.BAD_REQUEST, e.rejection().reason(), e.getMessage());
      return;
    }
    try {
      intake.publishAll(articles, ackTimeout);
    } catch (RawArticlePublisher.PublishException e) {
      ctx.header("Retry-After", "5");
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; nothing is acknowledged, retry the whole request");
      return;
    }
    ctx.status(HttpStatus.ACCEPTED).json(Map.of("ids", articles.stream().map(RawArticle::getId).toList()));
  }

  /** Every article of the body, validated; the first bad one rejects the whole request. */
  private List<RawArticle> articles(byte[] body) throws RejectedArticleException {
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
    List<RawArticle> articles = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String where = json.isArray() ? "articles[" + i + "]" : "article";
      ArticleDraft draft = reader.read(items.get(i), "http", where);
      articles.add(intake.validate(draft));
    }
    return articles;
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
