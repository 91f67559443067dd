package io.newsflow.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline started exactly as a user starts it: {@code ./newsflow up --detach} (on the
 * classes this build just made), in its own state folder and on free ports; stopped with
 * {@code ./newsflow down}.
 */
final class RunningPipeline implements AutoCloseable {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  final Path home;
  final int broker;
  final int ingest;
  final int enrich;
  final int aggregate;
  private final Map<String, String> env = new HashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  RunningPipeline(Path home) throws Exception {
    this.home = home;
    broker = freePort();
    ingest = freePort();
    enrich = freePort();
    aggregate = freePort();
    env.put("NEWSFLOW_HOME", home.toString());
    env.put("NEWSFLOW_SKIP_BUILD", "1");
    env.put("NEWSFLOW_BROKER_PORT", String.valueOf(broker));
    env.put("NEWSFLOW_BROKER_CONTROLLER_PORT", String.valueOf(freePort()));
    env.put("NEWSFLOW_INGEST_PORT", String.valueOf(ingest));
    env.put("NEWSFLOW_ENRICH_PORT", String.valueOf(enrich));
    env.put("NEWSFLOW_AGGREGATE_PORT", String.valueOf(aggregate));
    int exit = launcher("up", "--detach");
    if (exit != 0) {
      String log = Files.readString(home.resolve("up.log"));
      launcher("down");
      throw new IllegalStateException("./newsflow up failed with " + exit + ":\n" + log);
    }
  }

  int launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("newsflow").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(home.toFile(), args[0] + ".log")));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("./newsflow " + args[0] + " did not finish within 5 minutes");
    }
    return process.exitValue();
  }

  HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String dashboardUrl() {
    return "http://localhost:" + aggregate + "/";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    launcher("down");
  }
}
