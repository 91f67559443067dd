package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.runtime.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesOneJsonObjectPerArticleWithTheContractFields() throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"),
        "{\"id\": \"a1\", \"text\": \"Russian strikes killed 14 Ukrainian civilians, Kyiv said.\"}\n");

    assertThat(run(input.toString())).isZero();

    JsonNode json = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("id").asText()).isEqualTo("a1");
    assertThat(json.get("actors").get(0).get("id").asText()).isEqualTo("russia");
    assertThat(json.get("actors").get(0).fieldNames()).toIterable()
        .containsExactly("id", "name", "type", "affiliation", "mentions");
    JsonNode figure = json.get("casualties").get(0);
    assertThat(figure.fieldNames()).toIterable().containsExactly(
        "type", "value", "qualifier", "valueMin", "valueMax", "actor", "claimedBy", "realis", "start", "end", "text",
        "eventDate", "eventDateEnd", "cumulative", "location");
    assertThat(figure.get("location").isNull()).as("the text says not where").isTrue();
    assertThat(figure.get("type").asText()).isEqualTo("KILLED");
    assertThat(figure.get("value").asLong()).isEqualTo(14);
    assertThat(figure.get("actor").asText()).isEqualTo("ukraine");
    assertThat(figure.get("claimedBy").asText()).isEqualTo("ukraine");
    assertThat(figure.get("eventDate").isNull()).as("no publishedAt: no day to resolve against").isTrue();
  }

  @Test
  void evalWhenCountsADateTheGoldDoesNotHaveAsAFalsePositive() throws Exception {
    Path labelled = Files.writeString(dir.resolve("when.jsonl"),
        "{\"id\": \"w1\", \"publishedAt\": \"2024-12-18T08:00:00Z\", \"text\": \"Shelling killed four villagers in Kherson on Monday.\","
            + " \"figures\": [{\"type\": \"KILLED\", \"value\": 4, \"eventDate\": \"2024-12-16\","
            + " \"location\": {\"countryId\": \"ukraine\", \"region\": \"Kherson\", \"place\": \"Kherson\"}}]}\n"
            + "{\"id\": \"w2\", \"publishedAt\": \"2024-12-18T08:00:00Z\", \"text\": \"Gunmen killed six herders yesterday.\","
            + " \"figures\": [{\"type\": \"KILLED\", \"value\": 6, \"eventDate\": null}]}\n");

    assertThat(run("--eval-where-when", labelled.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("date     precision 1/2 = 0.500, recall 1/1 = 1.000")
        .contains("w2 KILLED 6 date: gold null, got 2024-12-17..2024-12-17")
        .contains("country  precision 1/1 = 1.000, recall 1/1 = 1.000").contains("point    precision 1/1 = 1.000");
  }

  @Test
  void datesResolveAgainstTheLinesPublishedAtAndABadOneIsReported() throws Exception {
    Path input = Files.writeString(dir.resolve("dated.jsonl"),
        "{\"id\": \"d1\", \"publishedAt\": \"2024-12-18T08:00:00Z\", \"text\": \"Shelling killed four villagers on Monday.\"}\n"
            + "{\"id\": \"d2\", \"publishedAt\": \"last Tuesday\", \"text\": \"Two soldiers were captured.\"}\n");

    assertThat(run(input.toString())).isEqualTo(1);

    JsonNode figure = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get("casualties").get(0);
    assertThat(figure.get("eventDate").asText()).isEqualTo("2024-12-16");
    assertThat(figure.get("eventDateEnd").asText()).isEqualTo("2024-12-16");
    assertThat(figure.get("cumulative").asBoolean()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("dated.jsonl:2").contains("publishedAt");
  }

  @Test
  void aMalformedLineIsReportedByNumberAndTheRestStillRuns() throws Exception {
    Path input = Files.writeString(dir.resolve("mixed.jsonl"),
        "{\"id\": \"ok-1\", \"text\": \"Two soldiers were captured.\"}\n"
            + "{not json\n"
            + "{\"id\": \"no-text\"}\n"
            + "{\"id\": \"ok-2\", \"text\": \"Five people died.\"}\n");

    assertThat(run(input.toString())).isEqualTo(1);

    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("mixed.jsonl:2: not valid JSON")
        .contains("mixed.jsonl:3: missing \"text\"");
  }

  @Test
  void aTextFileIsOneArticleNamedAfterTheFile() throws Exception {
    Path input = Files.writeString(dir.resolve("report.txt"), "At least 17 migrants died off Libya.");

    assertThat(run(input.toString())).isZero();

    assertThat(Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get("id").asText()).isEqualTo("report.txt");
  }

  @Test
  void aMissingFileIsAUsageError() throws Exception {
    assertThat(run(dir.resolve("nope.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.jsonl: no such file");
  }

  @Test
  void explainNamesTheRuleOfEachStage() throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"),
        "{\"id\": \"a1\", \"text\": \"The Niger defence ministry said 15 soldiers were killed.\"}\n");

    assertThat(run("--explain", input.toString())).isZero();

    JsonNode explain = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get("casualties").get(0).get("explain");
    assertThat(explain.get("cue").asText()).isEqualTo("verb-after");
    assertThat(explain.get("owner").asText()).isEqualTo("reporting-state");
    assertThat(explain.get("claimant").asText()).isEqualTo("source-said");
  }

  @Test
  void evalReadsTheSharedRealNewsFormatAndPrintsEachMissWithItsSpan() throws Exception {
    String text = "Gunmen killed 12 villagers in Zamfara. Three soldiers, the army said, remain unaccounted for.";
    Path gold = Files.writeString(dir.resolve("gold.jsonl"), "{\"id\": \"s1\", \"text\": \"" + text + "\", "
        + "\"actors\": [{\"name\": \"Nigeria\", \"type\": \"COUNTRY\"}], \"actors_optional\": [], "
        + "\"casualties\": [{\"type\": \"KILLED\", \"value_min\": 12, \"value_max\": 12, \"actor\": null, \"span\": \"killed 12 villagers\"},"
        + " {\"type\": \"WOUNDED\", \"value_min\": 40, \"value_max\": 40, \"actor\": \"Nigeria\", \"span\": \"forty wounded\"}]}\n");

    assertThat(run("--eval", gold.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("  KILLED ").contains("attribution ")
        .contains("s1: MISS WOUNDED 40..40 <forty wounded>")
        .contains("s1: missed actor nigeria")
        .contains("s1: EXTRA MISSING 3");
  }

  @Test
  void evalPrintsScores() throws Exception {
    assertThat(run("--eval", "src/test/resources/eval/holdout.jsonl")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("casualty figures").contains("attribution accuracy");
  }
}
