package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.runtime.Json;
import io.newsflow.schema.Actor;
import io.newsflow.schema.CasualtyFigure;
import io.newsflow.schema.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code ./newsflow extract [FILE...]}: one JSON object per article on stdout, no Kafka needed.
 * {@code ./newsflow extract --eval GOLD.jsonl}: precision, recall and F1 against annotations.
 * Exit code 0 when every input was read, 1 when some line was bad, 2 on a usage error.
 */
public final class ExtractCommand {

  private static final ObjectMapper MAPPER = Json.mapper();

  private ExtractCommand() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println("usage: newsflow extract [--explain] [FILE...]  JSON Lines {\"id\",\"text\",\"publishedAt\"?} or .txt files; stdin when no FILE");
      out.println("       --explain                           add to each figure the rule of each stage that decided it");
      out.println("       newsflow extract --eval GOLD.jsonl  score the extractor against annotated passages");
      out.println("       newsflow extract --eval-where-when FILE  score event places and dates against passages labelled with them");
      return 0;
    }
    Extractor extractor = new Extractor();
    if (args.length > 0 && args[0].equals("--eval")) {
      if (args.length != 2) {
        err.println("newsflow extract: --eval takes one file of annotated passages");
        return 2;
      }
      return evaluate(extractor, Path.of(args[1]), out, err);
    }
    if (args.length > 0 && args[0].equals("--eval-where-when")) {
      if (args.length != 2 || !Files.isRegularFile(Path.of(args[1]))) {
        err.println("newsflow extract: --eval-where-when takes one file of passages labelled with event places and dates");
        return 2;
      }
      WhereWhenEvaluation.Report report = WhereWhenEvaluation.run(extractor, Path.of(args[1]));
      report.print(out);
      report.problems().forEach(p -> err.println("newsflow extract: " + p.where() + ": " + p.message()));
      return report.problems().isEmpty() ? 0 : 1;
    }
    boolean explain = args.length > 0 && args[0].equals("--explain");
    if (explain) {
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    List<ArticleInput.Problem> problems = new ArrayList<>();
    Consumer<ArticleInput.Article> write = article -> {
      try {
        Extraction extraction = explain ? extractor.explain(article.text(), article.published())
            : extractor.extract(article.text(), article.published());
        out.println(MAPPER.writeValueAsString(toJson(article.id(), extraction)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    Consumer<ArticleInput.Problem> report = problem -> {
      problems.add(problem);
      err.println("newsflow extract: " + problem.where() + ": " + problem.message());
    };
    if (args.length == 0) {
      BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      ArticleInput.readLines("stdin", stdin, write, report);
    }
    for (String arg : args) {
      Path file = Path.of(arg);
      if (!Files.isRegularFile(file)) {
        err.println("newsflow extract: " + arg + ": no such file");
        return 2;
      }
      ArticleInput.readFile(file, write, report);
    }
    return problems.isEmpty() ? 0 : 1;
  }

  private static int evaluate(Extractor extractor, Path gold, PrintStream out, PrintStream err) throws IOException {
    if (!Files.isRegularFile(gold)) {
      err.println("newsflow extract: " + gold + ": no such file");
      return 2;
    }
    EvaluationReport report = Evaluation.run(extractor, gold);
    report.print(out);
    report.problems().forEach(p -> err.println("newsflow extract: " + p.where() + ": " + p.message()));
    return report.problems().isEmpty() ? 0 : 1;
  }

  /** The CLI's output shape: actor and casualty fields as in the Avro contract. */
  static ObjectNode toJson(String id, Extraction extraction) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", id);
    ArrayNode actors = json.putArray("actors");
    for (Actor a : extraction.actors()) {
      actors.addObject().put("id", a.getId()).put("name", a.getName()).put("type", a.getType().name())
          .put("affiliation", a.getAffiliation()).put("mentions", a.getMentions());
    }
    ArrayNode casualties = json.putArray("casualties");
    for (int i = 0; i < extraction.casualties().size(); i++) {
      CasualtyFigure c = extraction.casualties().get(i);
      ObjectNode figure = casualties.addObject().put("type", c.getType().name()).put("value", c.getValue())
          .put("qualifier", c.getQualifier().name()).put("valueMin", c.getValueMin()).put("valueMax", c.getValueMax())
          .put("actor", c.getActor()).put("claimedBy", c.getClaimedBy()).put("realis", c.getRealis().name())
          .put("start", c.getStart()).put("end", c.getEnd()).put("text", c.getText())
          .put("eventDate", c.getEventDate() == null ? null : c.getEventDate().toString())
          .put("eventDateEnd", c.getEventDateEnd() == null ? null : c.getEventDateEnd().toString())
          .put("cumulative", c.getCumulative());
      Location where = c.getLocation();
      if (where == null) {
        figure.putNull("location");
      } else {
        figure.putObject("location").put("name", where.getName()).put("placeId", where.getPlaceId())
            .put("countryId", where.getCountryId()).put("countryName", where.getCountryName()).put("regionId", where.getRegionId())
            .put("regionName", where.getRegionName()).put("lat", where.getLat())
            .put("lon", where.getLon());
      }
      if (!extraction.explanations().isEmpty()) {
        FigureExplanation why = extraction.explanations().get(i);
        figure.putObject("explain").put("cue", why.cue()).put("type", why.type()).put("owner", why.owner())
            .put("claimant", why.claimant());
      }
    }
    return json;
  }
}
