package dev.workstreams.adapter.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.config.JobSettings;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at handling one stored delivery: skip it when it is finished already (a job run
 * again after a crash), wait when its subject is busy or an earlier delivery of that subject has
 * not run yet, else route it to the handlers and record the result. Failures back off
 * exponentially; after the last allowed attempt the delivery is parked, never retried forever.
 */
final class DeliveryAttempt {
  private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

  private final DeliveryRecords records;
  private final Parking parking;
  private final SubjectLeases leases;
  private final JobWakeUps wakeUps;
  private final EventRouter router;
  private final ObjectMapper json;
  private final DeliveryMetrics metrics;
  private final JobSettings settings;
  private final Clock clock;

  DeliveryAttempt(
      DeliveryRecords records,
      Parking parking,
      SubjectLeases leases,
      JobWakeUps wakeUps,
      EventRouter router,
      ObjectMapper json,
      DeliveryMetrics metrics,
      JobSettings settings,
      Clock clock) {
    this.records = records;
    this.parking = parking;
    this.leases = leases;
    this.wakeUps = wakeUps;
    this.router = router;
    this.json = json;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  AttemptOutcome run(String deliveryId) throws SQLException {
    Optional<StoredDelivery> found = records.find(deliveryId);
    if (found.isEmpty()) {
      log.warn("job for delivery {} found no stored delivery; dropping the job", deliveryId);
      return new AttemptOutcome.Finished();
    }
    StoredDelivery delivery = found.get();
    if (!delivery.isPending()) {
      log.debug("delivery {} is {} already", deliveryId, delivery.state());
      return new AttemptOutcome.Finished();
    }
    if (delivery.subject().isEmpty()) {
      return handle(delivery);
    }
    String subject = delivery.subject().get();
    if (records.hasEarlierWaiting(delivery) || !leases.tryTake(subject, deliveryId)) {
      // Whoever frees the subject wakes the next delivery waiting for it; sleeping until the
      // fallback only matters if that wake-up is lost (its instance died).
      log.debug("subject {} is busy; delivery {} waits", subject, deliveryId);
      wakeUps.checkLater(List.of(subject));
      return new AttemptOutcome.RunAgainAt(clock.instant().plus(withJitter(settings.subjectWaitFallback())));
    }
    try {
      return handle(delivery);
    } finally {
      leases.release(subject, deliveryId);
      wakeUps.handOver(subject, deliveryId);
    }
  }

  private AttemptOutcome handle(StoredDelivery delivery) throws SQLException {
    Instant start = clock.instant();
    byte[] payload = records.payload(delivery);
    try {
      router.route(contextOf(delivery, payload));
    } catch (Throwable e) {
      // Errors too (OutOfMemoryError, StackOverflowError, AssertionError…): escaping, they would reach
      // db-scheduler's own retries, which never count an attempt and never park. The handler's stack
      // is unwound by now, so its garbage is collectable and the little recorded below fits.
      metrics.attemptTook(Duration.between(start, clock.instant()));
      return failed(delivery, e);
    }
    Instant end = clock.instant();
    metrics.attemptTook(Duration.between(start, end));
    records.markHandled(delivery.deliveryId(), end);
    metrics.handled(Duration.between(delivery.receivedAt(), end));
    log.debug("delivery {} ({}) handled", delivery.deliveryId(), delivery.event());
    return new AttemptOutcome.Finished();
  }

  private AttemptOutcome failed(StoredDelivery delivery, Throwable cause) throws SQLException {
    metrics.failed();
    String error = DeliveryRecords.bounded(cause.toString());
    int failures = records.recordFailure(delivery.deliveryId(), error);
    if (failures >= settings.maxAttempts()) {
      Optional<String> report = parking.park(delivery, failures, error, clock.instant());
      metrics.parked();
      log.warn("delivery {} ({}) parked after {} failed attempts{}; last error follows",
          delivery.deliveryId(), delivery.event(), failures, report.map(id -> ", reported as " + id).orElse(""), cause);
      return new AttemptOutcome.Finished();
    }
    Duration delay = settings.retryDelayAfter(failures);
    log.warn("delivery {} ({}) failed attempt {} of {}, next in {} ms: {}",
        delivery.deliveryId(), delivery.event(), failures, settings.maxAttempts(), delay.toMillis(), cause.toString());
    return new AttemptOutcome.RunAgainAt(clock.instant().plus(delay));
  }

  private EventContext contextOf(StoredDelivery delivery, byte[] body) throws IOException {
    JsonNode payload = json.readTree(body);
    return new EventContext(
        delivery.deliveryId(),
        delivery.event(),
        delivery.action(),
        delivery.installationId(),
        delivery.repository(),
        payload);
  }

  /** Up to a fifth more, so that jobs waiting on one subject do not all wake at once. */
  private static Duration withJitter(Duration base) {
    return base.plusMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1));
  }
}
