package io.newsflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The product's front door: ./newsflow up, the seed article's figures over HTTP, the dashboard, the deployment files. */
class PipelineSystemIT extends OnRunningPipeline {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SEED_FIGURE = "over 3,000 of these soldiers have been killed or severely wounded";
  /** Articles a test posted again beside what up ingested (the browser test makes the seed article the newest). */
  static final AtomicInteger reposted = new AtomicInteger();

  @Test
  void theSeedArticlesFiguresReachNorthKoreasStatistics() throws Exception {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var response = pipeline.get(pipeline.aggregate, "/actors/north-korea");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode nk = JSON.readTree(response.body());
      List<String> highest = new ArrayList<>();
      nk.get("casualties").forEach(c -> highest.add(c.get("type").asText() + " " + c.get("highest").get("qualifier").asText()
          + " " + c.get("highest").get("value").asLong()));
      assertThat(highest).contains("KILLED MORE_THAN 12", "KILLED_OR_WOUNDED MORE_THAN 3000", "CAPTURED EXACT 2",
          "DEPLOYED APPROXIMATE 11000");
    });
    assertThat(pipeline.get(pipeline.ingest, "/health").statusCode()).isEqualTo(200);
    assertThat(pipeline.get(pipeline.enrich, "/health").statusCode()).isEqualTo(200);
    // up ingested seeds/ through the CLI: the seed article and the 24 wire-sample articles
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      JsonNode status = JSON.readTree(pipeline.get(pipeline.aggregate, "/pipeline").body());
      assertThat(status.get("ingest").get("onTopic").asLong()).isEqualTo(25 + reposted.get());
    });
  }

  @Test
  void theSeedsFiguresAreInTheKurskRegionPerPlaceAndInTheActorsHistory() throws Exception {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var response = pipeline.get(pipeline.aggregate, "/places/russia.kursk");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode kursk = JSON.readTree(response.body());
      assertThat(kursk.get("kind").asText()).isEqualTo("region");
      assertThat(kursk.get("countryId").asText()).isEqualTo("russia");
      List<String> types = new ArrayList<>();
      kursk.get("casualties").forEach(c -> types.add(c.get("type").asText()));
      assertThat(types).contains("KILLED", "DEPLOYED");
    });
    JsonNode regions = JSON.readTree(pipeline.get(pipeline.aggregate, "/places?kind=region").body());
    assertThat(regions.findValuesAsText("id")).contains("russia.kursk");
    assertThat(pipeline.get(pipeline.aggregate, "/places?kind=planet").statusCode()).isEqualTo(400);
    assertThat(pipeline.get(pipeline.aggregate, "/places/atlantis").statusCode()).isEqualTo(404);
    JsonNode inKursk = JSON.readTree(pipeline.get(pipeline.aggregate, "/actors/north-korea/figures?place=russia&type=DEPLOYED").body());
    assertThat(inKursk.get("reports").findValuesAsText("placeId")).contains("russia.kursk");
    JsonNode captured = JSON.readTree(pipeline.get(pipeline.aggregate, "/actors/north-korea/figures?type=CAPTURED").body());
    List<JsonNode> seedsCaptured = new ArrayList<>();
    captured.get("reports").forEach(r -> {
      if (r.get("text").asText().contains("two captured")) {
        seedsCaptured.add(r);
      }
    });
    assertThat(seedsCaptured).as("the seed's captured soldiers (a wire sample repeats them), whose place it does not state")
        .isNotEmpty().allSatisfy(r -> assertThat(r.get("placeId").isNull()).isTrue());
  }

  @Test
  void aSecondUpSaysItIsAlreadyRunning() throws Exception {
    assertThat(pipeline.launcher("up", "--detach")).isNotZero();
    assertThat(Files.readString(home.resolve("up.log"))).contains("newsflow is already running");
  }

  @Test
  void composeWiringMatchesTheServicesAndGrafanaQueriesOnlyRealMetrics() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode compose = yaml.readTree(RunningPipeline.ROOT.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.get("services");
    assertThat(services.fieldNames()).toIterable().contains("kafka", "ingest", "enrich", "aggregate", "prometheus", "grafana");
    Set<String> servicePorts = new HashSet<>();
    assertThat(RunningPipeline.ROOT.resolve("Dockerfile")).exists();
    for (String name : List.of("ingest", "enrich", "aggregate")) {
      JsonNode service = services.get(name);
      JsonNode args = service.get("build").get("args");
      assertThat(RunningPipeline.ROOT.resolve(args.get("MODULE").asText()).resolve("pom.xml")).exists();
      assertThat(Class.forName(args.get("MAIN_CLASS").asText())).isNotNull();
      String port = service.get("environment").get("NEWSFLOW_HTTP_PORT").asText();
      assertThat(args.get("PORT").asText()).isEqualTo(port);
      servicePorts.add(name + ":" + port);
    }
    JsonNode prometheus = yaml.readTree(RunningPipeline.ROOT.resolve("ops/prometheus/prometheus.yml").toFile());
    Set<String> targets = new HashSet<>();
    prometheus.get("scrape_configs").forEach(job -> job.get("static_configs")
        .forEach(sc -> sc.get("targets").forEach(t -> targets.add(t.asText()))));
    assertThat(targets).isEqualTo(servicePorts);
    for (String volume : List.of("./ops/prometheus/prometheus.yml", "./ops/grafana/provisioning", "./ops/grafana/dashboards")) {
      assertThat(RunningPipeline.ROOT.resolve(volume)).exists();
    }

    // Every metric a Grafana panel queries is one the running services really expose.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String exposed = pipeline.get(pipeline.ingest, "/metrics").body() + pipeline.get(pipeline.enrich, "/metrics").body()
          + pipeline.get(pipeline.aggregate, "/metrics").body();
      JsonNode dashboard = JSON.readTree(RunningPipeline.ROOT.resolve("ops/grafana/dashboards/newsflow.json").toFile());
      List<String> queried = new ArrayList<>();
      dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> {
        Matcher m = Pattern.compile("\\b((?:newsflow|kafka|jvm|process)_[a-z0-9_]+)").matcher(t.get("expr").asText());
        while (m.find()) {
          queried.add(m.group(1));
        }
      }));
      assertThat(queried).hasSizeGreaterThan(10);
      for (String metric : queried) {
        assertThat(exposed).as("a service exposes %s", metric).containsPattern("(?m)^" + metric + "[{ ]");
      }
    });
  }

  @Test
  void theDashboardRendersTheActorTableAndTheTrendChartInABrowser() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("NEWSFLOW_CHROMIUM", "/usr/bin/chromium"));
    Assumptions.assumeTrue(Files.isExecutable(chromium), "headless Chromium not installed (.ci/run installs it)");
    await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.get(pipeline.aggregate, "/actors/north-korea").statusCode() == 200);
    repostTheSeedArticleAsTheNewest();
    Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    String url = pipeline.dashboardUrl() + "#north-korea";

    String dom = chromium(chromium, "--dump-dom", url);
    chromium(chromium, "--screenshot=" + screenshot, url);

    assertThat(dom).contains("<td>North Korea</td>").contains("<td>Ukraine</td>");
    assertThat(dom).containsPattern("<div id=\"trend\"[^>]*>.*<canvas");
    assertThat(dom).contains("more than 3,000").contains("two captured North Korean soldiers");
    assertThat(dom).containsPattern("<div id=\"claims\"[^>]*>.*<canvas");
    assertThat(dom).containsPattern("<div id=\"map\"[^>]*>.*<canvas").contains("Kursk Oblast (russia.kursk)");
    // the evidence view shows the newest article, the seed, its figures and actor mentions marked
    assertThat(dom).containsPattern("<mark class=\"fig\"[^>]*>" + SEED_FIGURE + "</mark>");
    assertThat(dom).containsPattern("<span class=\"actor\"[^>]*>North Korean</span>");
    assertThat(screenshot).exists().isNotEmptyFile();
  }

  /**
   * Posts the seed article again under its id (a repeat: its statistics do not change) so that it
   * is the newest article on the enriched topic, the one the evidence view opens with.
   */
  private static void repostTheSeedArticleAsTheNewest() throws Exception {
    JsonNode reports = JSON.readTree(pipeline.get(pipeline.aggregate,
        "/actors/north-korea/figures?type=KILLED_OR_WOUNDED").body()).get("reports");
    String id = null;
    for (JsonNode r : reports) {
      if (r.get("text").asText().equals(SEED_FIGURE)) {
        id = r.get("articleId").asText();
      }
    }
    assertThat(id).as("the seed article's figure in the history").isNotNull();
    String text = Files.readString(RunningPipeline.ROOT.resolve("seeds/000_2b015a0ac9e7801d.txt"));
    var posted = pipeline.post(pipeline.ingest, "/articles",
        JSON.writeValueAsString(java.util.Map.of("id", id, "text", text)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    reposted.incrementAndGet();
    String seed = id;
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      var recent = pipeline.get(pipeline.aggregate, "/articles/recent?limit=1");
      assertThat(recent.statusCode()).as(recent.body()).isEqualTo(200);
      assertThat(JSON.readTree(recent.body()).path(0).path("id").asText()).isEqualTo(seed);
    });
    // where: the seed's dozen dead are in the Kursk region, its two captured soldiers nowhere stated
    JsonNode figures = JSON.readTree(pipeline.get(pipeline.aggregate, "/articles/recent?limit=1").body()).path(0).path("casualties");
    List<String> places = new ArrayList<>();
    figures.forEach(f -> places.add(f.path("type").asText() + " " + f.path("location").path("placeId").asText("none")));
    assertThat(places).contains("KILLED russia.kursk", "CAPTURED none");
  }

  private static String chromium(Path chromium, String action, String url) throws Exception {
    Path profile = Files.createTempDirectory(home, "chromium");
    ProcessBuilder builder = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,2600", "--virtual-time-budget=10000",
        action, url);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
