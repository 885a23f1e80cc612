package dev.workstreams.adapter.queue;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings jobs forward instead of letting them poll. A delivery waiting for its subject sleeps
 * until a fallback time; the handler that frees the subject hands it over by making the next
 * waiting delivery's job due now. Where a hand-over can be missed (the subject was freed between
 * a job deciding to wait and that decision being written), a later check of the subject wakes
 * the next delivery if nobody holds the subject, so a race costs a fraction of a second, not the
 * fallback.
 */
final class JobWakeUps {
  private static final Logger log = LoggerFactory.getLogger(JobWakeUps.class);
  private static final String MAKE_DUE =
      "UPDATE scheduled_tasks SET execution_time = ?, version = version + 1"
          + " WHERE task_name = ? AND task_instance = ? AND picked = ? AND execution_time > ?"
          // never cut short the back-off of a delivery that failed
          + " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.delivery_id = ? AND d.state = 'pending' AND d.failures = 0)";
  private static final long[] CHECK_AFTER_MILLIS = {200, 1_000};
  /** Intake commits many small batches a second; one poll of the job table serves all of them. */
  private static final long POLL_COALESCE_MILLIS = 20;

  private final DataSource dataSource;
  private final JdbcCustomization jdbc;
  private final DeliveryRecords records;
  private final SubjectLeases leases;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Runnable pollNow;
  private final AtomicBoolean pollScheduled = new AtomicBoolean();
  // One check per subject and delay waits at a time, however many batches asked for it.
  private final List<Set<String>> checksWaiting =
      List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());

  JobWakeUps(
      DataSource dataSource,
      JdbcCustomization jdbc,
      DeliveryRecords records,
      SubjectLeases leases,
      Clock clock,
      ScheduledExecutorService timer,
      Runnable pollNow) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.records = records;
    this.leases = leases;
    this.clock = clock;
    this.timer = timer;
    this.pollNow = pollNow;
  }

  /** Have this instance look for due jobs within a few milliseconds. */
  void poll() {
    if (pollScheduled.compareAndSet(false, true)) {
      timer.schedule(() -> {
        pollScheduled.set(false);
        pollNow.run();
      }, POLL_COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** The handler of {@code finishedDeliveryId} is done with {@code subject}: the next waiting delivery may run. */
  void handOver(String subject, String finishedDeliveryId) {
    try {
      // Polled at once, not coalesced: one subject's deliveries go one after the other, and every
      // millisecond here is added to each of them.
      records.nextWaiting(subject, finishedDeliveryId).filter(this::makeDue).ifPresent(id -> pollNow.run());
    } catch (SQLException | RuntimeException e) {
      // The next delivery still runs at its fallback time; only latency is lost.
      log.warn("could not hand subject {} over: {}", subject, e.toString());
    }
  }

  /** Deliveries of these subjects were put to sleep; check shortly that someone will wake them. */
  void checkLater(Collection<String> subjects) {
    for (int i = 0; i < CHECK_AFTER_MILLIS.length; i++) {
      Set<String> waiting = checksWaiting.get(i);
      for (String subject : subjects) {
        if (waiting.add(subject)) {
          timer.schedule(() -> {
            waiting.remove(subject);
            wakeIfFree(subject);
          }, CHECK_AFTER_MILLIS[i], TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  private void wakeIfFree(String subject) {
    try {
      if (!leases.isHeld(subject)) {
        records.nextWaiting(subject, "").filter(this::makeDue).ifPresent(id -> poll());
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("could not check subject {}: {}", subject, e.toString());
    }
  }

  private boolean makeDue(String deliveryId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(MAKE_DUE)) {
      jdbc.setInstant(update, 1, clock.instant());
      update.setString(2, DeliveryJobs.TASK_NAME);
      update.setString(3, deliveryId);
      update.setBoolean(4, false);
      jdbc.setInstant(update, 5, clock.instant());
      update.setString(6, deliveryId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      log.warn("could not wake the job of delivery {}: {}", deliveryId, e.toString());
      return false;
    }
  }
}
