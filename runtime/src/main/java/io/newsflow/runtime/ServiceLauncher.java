package io.newsflow.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a service's {@code main}: starts it, keeps the JVM up until SIGTERM or SIGINT, then closes
 * it in order and exits 0. A configuration problem ends the process with exit code 2 and one
 * readable line, no stack trace.
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
    CountDownLatch stop = new CountDownLatch(1);
    // A signal handler, not only a shutdown hook: the service closes in order and the exit code is 0.
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    log.info("{} started", service);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("{} stopping", service);
    int exit = 0;
    try {
      running.close();
    } catch (Exception e) {
      log.warn("{} did not close cleanly", service, e);
      exit = 1;
    }
    log.info("{} stopped", service);
    System.exit(exit);
  }
}
