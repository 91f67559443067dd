package io.newsflow.aggregate.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsflow.aggregate.topology.ActorAccumulator;
import io.newsflow.aggregate.topology.ActorStatsReader;
import io.newsflow.aggregate.topology.ActorStatsStore;
import io.newsflow.aggregate.topology.ActorStatsTopology;
import io.newsflow.aggregate.topology.Place;
import io.newsflow.aggregate.topology.Report;
import io.newsflow.runtime.Json;
import io.newsflow.schema.ActorType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The per-actor statistics over HTTP. An actor's numbers live on the instance that owns its
 * partition: a request for an actor held elsewhere is answered by asking that instance
 * ({@code application.server} + {@code queryMetadataForKey}); {@code /actors} merges every
 * instance's top list. Places ({@code /places}) are kept and answered the same way, under
 * {@code place:<id>} keys. While stores rebalance or restore the answer is 503 with Retry-After.
 */
public final class ActorApi {

  static final String FORWARDED = "X-Newsflow-Forwarded";
  private static final List<String> SORTS = List.of("mentions", "articles", "lastSeen");

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ReadAccess access;

  public ActorApi(KafkaStreams streams, HostInfo self, ReadAccess access) {
    this.streams = streams;
    this.self = self;
    this.access = access;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/actors", this::list);
    config.routes.get("/actors/{id}", ctx -> one(ctx, Views::detail));
    config.routes.get("/actors/{id}/figures", ctx -> figures(ctx, ctx.pathParam("id")));
    config.routes.get("/actors/{id}/figures.csv", ctx -> figures(ctx, ctx.pathParam("id")));
    config.routes.get("/actors/{id}/co-actors", ctx -> one(ctx, a -> Views.coActors(a, Integer.MAX_VALUE)));
    config.routes.get("/actors/{id}/timeline", ctx -> {
      String from = day(ctx, "from");
      String to = day(ctx, "to");
      one(ctx, a -> Views.timeline(a, from, to));
    });
    config.routes.get("/places", this::places);
    config.routes.get("/places/{id}", ctx -> owned(ctx, placeKey(ctx), a -> ctx.json(Views.place(a))));
    config.routes.get("/places/{id}/figures", ctx -> figures(ctx, placeKey(ctx)));
    config.routes.get("/places/{id}/figures.csv", ctx -> figures(ctx, placeKey(ctx)));
    config.routes.get("/places/{id}/timeline", ctx -> {
      String from = day(ctx, "from");
      String to = day(ctx, "to");
      owned(ctx, placeKey(ctx), a -> ctx.json(Views.timeline(a, from, to)));
    });
    config.routes.exception(NotReady.class, (e, ctx) -> {
      ctx.header("Retry-After", "2");
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", e.getMessage()));
    });
    // a store handle obtained while RUNNING can still refuse a read when its partition migrates mid-request
    config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> {
      ctx.header("Retry-After", "2");
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "statistics store is moving (" + e.getMessage() + "); retry"));
    });
    config.routes.exception(BadRequest.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
  }

  private void figures(Context ctx, String key) throws Exception {
    FigureHistory query = FigureHistory.of(ctx);
    owned(ctx, key, a -> {
      List<Report> selected = query.select(store().reports(a.actorId, query.type));
      if (FigureHistory.wantsCsv(ctx)) {
        ctx.contentType("text/csv; charset=utf-8").result(query.csv(selected));
      } else {
        ctx.json(query.page(ctx.pathParam("id"), selected));
      }
    });
  }

  private void one(Context ctx, Function<ActorAccumulator, Object> view) throws Exception {
    owned(ctx, ctx.pathParam("id"), a -> ctx.json(view.apply(a)));
  }

  /** A place's statistics are kept under {@code place:<id>} beside the actors'. */
  private static String placeKey(Context ctx) {
    return Place.KEY_PREFIX + ctx.pathParam("id");
  }

  /** What answers a request about one actor, given its accumulator.*/
  private interface ActorHandler {
    void handle(ActorAccumulator actor) throws Exception;
  }

  /** Answers for the actor (or place) {@code id} here when this instance holds it, else asks the instance that does. */
  private void owned(Context ctx, String id, ActorHandler handler) throws Exception {
    if (Place.isPlaceKey(ctx.pathParam("id"))) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no article names actor '" + ctx.pathParam("id") + "'"));
      return;
    }
    requireRunning();
    KeyQueryMetadata owner = streams.queryMetadataForKey(ActorStatsTopology.STATS_STORE, id, Serdes.String().serializer());
    if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
      throw new NotReady("the owner of " + id + " is not known yet; retry");
    }
    if (!owner.activeHost().equals(self)) {
      if (ctx.header(FORWARDED) != null) {
        throw new NotReady("partition ownership is moving; retry");
      }
      forward(ctx, owner.activeHost());
      return;
    }
    ActorAccumulator acc = store().get(id);
    if (!ActorStatsTopology.present(acc)) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", Place.isPlaceKey(id)
          ? "no figure was reported in place '" + ctx.pathParam("id") + "'" : "no article names actor '" + id + "'"));
      return;
    }
    handler.handle(acc);
  }

  private void list(Context ctx) throws Exception {
    String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("mentions");
    if (!SORTS.contains(sort)) {
      throw new BadRequest("sort must be one of " + SORTS + ", not '" + sort + "'");
    }
    String type = ctx.queryParam("type");
    if (type != null && !type.isEmpty() && Arrays.stream(ActorType.values()).noneMatch(t -> t.name().equals(type))) {
      throw new BadRequest("type must be one of " + Arrays.toString(ActorType.values()) + ", not '" + type + "'");
    }
    int limit = limit(ctx, 20);
    requireRunning();
    List<Views.ActorSummary> rows = new ArrayList<>();
    for (ActorAccumulator a : store().allTotals()) {
      if (ActorStatsTopology.present(a) && !Place.isPlaceKey(a.actorId)
          && (type == null || type.isEmpty() || a.type.name().equals(type))) {
        rows.add(Views.summary(a));
      }
    }
    if (ctx.queryParam("local") == null) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          HttpResponse<String> part = fetch(instance.hostInfo(),
              "/actors?local=true&sort=" + sort + "&limit=" + limit + (type == null ? "" : "&type=" + type), "application/json");
          if (part.statusCode() != 200) {
            throw new NotReady("instance " + instance.hostInfo().host() + ":" + instance.hostInfo().port()
                + " answered " + part.statusCode() + "; retry");
          }
          rows.addAll(Arrays.asList(Json.mapper().readValue(part.body(), Views.ActorSummary[].class)));
        }
      }
    }
    rows.sort(order(sort));
    ctx.json(rows.subList(0, Math.min(limit, rows.size())));
  }

  /** {@code GET /places?kind=country|region&limit=}: the places figures were reported in, most figures first. */
  private void places(Context ctx) throws Exception {
    String kind = ctx.queryParam("kind");
    if (kind != null && !kind.isEmpty() && !List.of("country", "region").contains(kind)) {
      throw new BadRequest("kind must be country or region, not '" + kind + "'");
    }
    int limit = limit(ctx, 100);
    requireRunning();
    List<Views.PlaceSummary> rows = new ArrayList<>();
    for (ActorAccumulator a : store().allTotals()) {
      if (ActorStatsTopology.present(a) && Place.isPlaceKey(a.actorId)) {
        Views.PlaceSummary row = Views.placeSummary(a);
        if (kind == null || kind.isEmpty() || row.kind().equals(kind)) {
          rows.add(row);
        }
      }
    }
    if (ctx.queryParam("local") == null) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          HttpResponse<String> part = fetch(instance.hostInfo(),
              "/places?local=true&limit=" + limit + (kind == null ? "" : "&kind=" + kind), "application/json");
          if (part.statusCode() != 200) {
            throw new NotReady("instance " + instance.hostInfo().host() + ":" + instance.hostInfo().port()
                + " answered " + part.statusCode() + "; retry");
          }
          rows.addAll(Arrays.asList(Json.mapper().readValue(part.body(), Views.PlaceSummary[].class)));
        }
      }
    }
    rows.sort(Comparator.comparingLong(Views.PlaceSummary::figures).reversed().thenComparing(Views.PlaceSummary::id));
    ctx.json(rows.subList(0, Math.min(limit, rows.size())));
  }

  private static int limit(Context ctx, int fallback) {
    int limit;
    try {
      limit = Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault(String.valueOf(fallback)));
    } catch (NumberFormatException e) {
      throw new BadRequest("limit must be a whole number");
    }
    if (limit < 1 || limit > 1000) {
      throw new BadRequest("limit must be between 1 and 1000");
    }
    return limit;
  }

  private static Comparator<Views.ActorSummary> order(String sort) {
    Comparator<Views.ActorSummary> primary = switch (sort) {
      case "articles" -> Comparator.comparingLong(Views.ActorSummary::articles);
      case "lastSeen" -> Comparator.comparing(Views.ActorSummary::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder()));
      default -> Comparator.comparingLong(Views.ActorSummary::mentions);
    };
    return primary.reversed().thenComparing(Views.ActorSummary::id);
  }

  private void forward(Context ctx, HostInfo owner) {
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
    HttpResponse<String> answer = fetch(owner, ctx.path() + query, ctx.header("Accept") == null ? "*/*" : ctx.header("Accept"));
    ctx.status(answer.statusCode()).contentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
        .result(answer.body());
    answer.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
  }

  /** Asks another instance, with the {@code accept} media types of the request it answers for. */
  private HttpResponse<String> fetch(HostInfo host, String pathAndQuery, String accept) {
    URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header(FORWARDED, "1").header("Accept", accept)
        .timeout(Duration.ofSeconds(5));
    if (access.authorization() != null) {
      request.header("Authorization", access.authorization());
    }
    try {
      return http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotReady("instance " + host.host() + ":" + host.port() + " is not answering (" + e.getMessage() + "); retry");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotReady("interrupted");
    }
  }

  private void requireRunning() {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      throw new NotReady("statistics are " + streams.state().name().toLowerCase() + "; retry shortly");
    }
  }

  private ActorStatsReader store() {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(ActorStatsTopology.STATS_STORE, ActorStatsStore.queryable()));
    } catch (InvalidStateStoreException e) {
      throw new NotReady("statistics store is not ready (" + e.getMessage() + "); retry");
    }
  }

  private static String day(Context ctx, String param) {
    String value = ctx.queryParam(param);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw new BadRequest(param + " must be a date like 2024-12-01, not '" + value + "'");
    }
  }

  /** 503 with Retry-After. */
  static final class NotReady extends RuntimeException {
    NotReady(String message) {
      super(message);
    }
  }

  /** 400. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
