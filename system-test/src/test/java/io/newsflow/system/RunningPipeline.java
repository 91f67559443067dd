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
    int[] ports = freePorts(5);
    broker = ports[0];
    ingest = ports[1];
    enrich = ports[2];
    aggregate = ports[3];
    env.put("NEWSFLOW_HOME", home.toString());
    env.put("NEWSFLOW_SKIP_BUILD", "1");
    env.put("NEWSFLOW_BROKER_PORT", String.valueOf(broker));
    env.put("NEWSFLOW_BROKER_CONTROLLER_PORT", String.valueOf(ports[4]));
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

  /** SIGKILL of one of the processes {@code up} started (broker, ingest, enrich, aggregate): no shutdown hook runs. */
  void kill(String process) throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(home.resolve("pids").resolve(process + ".pid")).trim());
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(process + " is not running"));
    handle.destroyForcibly();
    handle.onExit().join();
  }

  /** {@code ./newsflow start PROCESS}: starts it again with the settings {@code up} gave it, and waits until it serves. */
  void start(String process) throws IOException, InterruptedException {
    int exit = launcher("start", process);
    if (exit != 0) {
      throw new IllegalStateException("./newsflow start " + process + " failed with " + exit + ":\n"
          + Files.readString(home.resolve("start.log")));
    }
  }

  String bootstrapServers() {
    return "localhost:" + broker;
  }

  HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(java.time.Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String dashboardUrl() {
    return "http://localhost:" + aggregate + "/";
  }

  /** {@code n} distinct free ports: all held open while picking, or the OS may hand one out twice. */
  private static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  /** Stops everything, then keeps the processes' logs under target/ (the state folder is a temporary one). */
  @Override
  public void close() throws Exception {
    launcher("down");
    Path kept = Path.of("target", "pipeline-logs", home.getFileName().toString()).toAbsolutePath();
    Files.createDirectories(kept);
    try (var logs = Files.list(home.resolve("logs"))) {
      for (Path log : logs.toList()) {
        Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
