package io.newsflow.system;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class's own stack from {@code ./newsflow up --detach}, started once before its tests and stopped after. */
abstract class OnRunningPipeline {

  @TempDir static Path home;
  static RunningPipeline pipeline;

  @BeforeAll
  static void up() throws Exception {
    pipeline = new RunningPipeline(home);
  }

  @AfterAll
  static void down() throws Exception {
    if (pipeline != null) {
      pipeline.close();
      pipeline = null;
    }
  }
}
