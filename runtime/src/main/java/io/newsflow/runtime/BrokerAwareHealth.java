package io.newsflow.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** A service's own health, and down as well whenever no broker answers: a service without Kafka does no work. */
final class BrokerAwareHealth implements Supplier<Health>, AutoCloseable {

  private final Supplier<Health> service;
  private final BrokerProbe probe;

  BrokerAwareHealth(Properties kafka, Supplier<Health> service) {
    this.service = service;
    this.probe = new BrokerProbe(kafka);
  }

  @Override
  public Health get() {
    Health own = service.get();
    BrokerProbe.Status broker = probe.check();
    Map<String, Object> details = new LinkedHashMap<>(own.details());
    details.put("broker", broker.detail());
    return new Health(own.up() && broker.reachable(), details);
  }

  @Override
  public void close() {
    probe.close();
  }
}
