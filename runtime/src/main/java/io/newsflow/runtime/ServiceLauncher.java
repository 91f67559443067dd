package io.newsflow.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's {@code main}: starts it, keeps the JVM up until SIGTERM/SIGINT, then closes it.
 * A configuration problem ends the process with exit code 2 and one readable line, no stack trace.
 */
public final class ServiceLauncher {

  private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {}

  public static void run(String service, Callable<? extends AutoCloseable> start) {
    AutoCloseable running;
    try {
      running = start.call();
    } catch (ConfigException e) {
      System.err.println(service + ": configuration error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (Exception e) {
      log.error("{} failed to start", service, e);
      System.err.println(service + ": failed to start: " + e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("{} stopping", service);
      try {
        running.close();
      } catch (Exception e) {
        log.warn("{} did not close cleanly", service, e);
      }
      stopped.countDown();
    }, service + "-shutdown"));
    log.info("{} started", service);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
