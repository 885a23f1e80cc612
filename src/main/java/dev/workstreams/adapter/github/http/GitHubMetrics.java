package dev.workstreams.adapter.github.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the client reports to {@code /metrics}: {@code github_requests_total} and
 * {@code github_request_duration_seconds} by method and route template, and
 * {@code github_ratelimit_remaining} by installation and rate-limit resource. Tags hold route
 * templates and ids only, never URLs, so no name, token or query string reaches a metric.
 */
public final class GitHubMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<List<String>, AtomicLong> remaining = new ConcurrentHashMap<>();

  public GitHubMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One HTTP exchange; {@code status} is the code, or {@code error} when no answer came. */
  void exchange(String method, String route, String status, Duration took) {
    Counter.builder("github.requests")
        .description("HTTP requests sent to GitHub, retries included")
        .tags("method", method, "route", route, "status", status)
        .register(registry)
        .increment();
    Timer.builder("github.request.duration")
        .description("Time until GitHub's answer headers arrived")
        .tags("method", method, "route", route)
        .register(registry)
        .record(took);
  }

  /** The latest {@code x-ratelimit-remaining} GitHub reported for a lane and resource. */
  void rateLimitRemaining(Lane lane, String resource, long value) {
    remaining.computeIfAbsent(List.of(lane.id(), resource), key -> {
      AtomicLong holder = new AtomicLong(value);
      Gauge.builder("github.ratelimit.remaining", holder, AtomicLong::get)
          .description("Requests left in the current rate-limit window, as GitHub last reported")
          .tags("installation", lane.id(), "resource", resource)
          .register(registry);
      return holder;
    }).set(value);
  }
}
