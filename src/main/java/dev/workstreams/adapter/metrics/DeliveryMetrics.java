package dev.workstreams.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters and timers of the delivery pipeline, from intake to handling, under one prefix so
 * that a dashboard finds them together. Meters are created once and cached: the intake path
 * increments them thousands of times a second.
 */
public final class DeliveryMetrics {
  private final MeterRegistry registry;
  private final Counter received;
  private final Counter stored;
  private final Counter duplicates;
  private final Counter handled;
  private final Counter failed;
  private final Counter parked;
  private final Timer jobLatency;
  private final Timer handlerDuration;
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.received = counter("workstreams.deliveries.received", "webhook requests that reached the route");
    this.stored = counter("workstreams.deliveries.stored", "deliveries written with their job");
    this.duplicates = counter("workstreams.deliveries.duplicates", "deliveries whose id was stored already");
    this.handled = counter("workstreams.deliveries.handled", "deliveries whose handlers all succeeded");
    this.failed = counter("workstreams.deliveries.failed", "handling attempts that threw");
    this.parked = counter("workstreams.deliveries.parked", "deliveries given up after the last attempt");
    this.jobLatency = Timer.builder("workstreams.job.latency")
        .description("from receipt of a delivery to the end of its successful handling")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
    this.handlerDuration = Timer.builder("workstreams.job.duration")
        .description("time spent in the handlers of one attempt")
        .register(registry);
  }

  public void received() {
    received.increment();
  }

  /** {@code reason}: a short fixed word (signature, headers, json, too_large, setup_mode…). */
  public void rejected(String reason) {
    rejected.computeIfAbsent(reason, r -> Counter.builder("workstreams.deliveries.rejected")
        .description("webhook requests answered with an error, by reason")
        .tag("reason", r)
        .register(registry)).increment();
  }

  public void stored(int count) {
    stored.increment(count);
  }

  public void duplicates(int count) {
    duplicates.increment(count);
  }

  public void handled(Duration sinceReceipt) {
    handled.increment();
    jobLatency.record(sinceReceipt);
  }

  public void attemptTook(Duration duration) {
    handlerDuration.record(duration);
  }

  public void failed() {
    failed.increment();
  }

  public void parked() {
    parked.increment();
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
