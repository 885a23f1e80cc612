package dev.workstreams.adapter.store;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings jobs forward instead of letting them poll. A job waiting for its subject sleeps long; the
 * handler that frees the subject makes the next waiting job due now. If that job is being picked
 * at that very moment (it is about to put itself to sleep), the wake-up is tried again a few times
 * shortly after, so that a race costs milliseconds, not the fallback sleep.
 */
final class JobWakeUps {
  private static final Logger log = LoggerFactory.getLogger(JobWakeUps.class);
  private static final String MAKE_DUE =
      "UPDATE scheduled_tasks SET execution_time = ?, version = version + 1"
          + " WHERE task_name = ? AND task_instance = ? AND picked = ? AND execution_time > ?"
          // never cut short the back-off of a delivery that failed
          + " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.delivery_id = ? AND d.state = 'pending' AND d.failures = 0)";
  private static final String IS_PICKED =
      "SELECT 1 FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked = ?";
  private static final int RETRIES = 10;
  private static final long RETRY_MILLIS = 50;
  /** Intake commits many small batches a second; one poll of the job table serves all of them. */
  private static final long POLL_COALESCE_MILLIS = 20;

  private final DataSource dataSource;
  private final JdbcCustomization jdbc;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Runnable pollNow;
  private final AtomicBoolean pollScheduled = new AtomicBoolean();

  JobWakeUps(DataSource dataSource, JdbcCustomization jdbc, Clock clock, ScheduledExecutorService timer, Runnable pollNow) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
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

  /** Makes the job of {@code deliveryId} due now, retrying while it is picked. */
  void wake(String deliveryId) {
    tryWake(deliveryId, RETRIES);
  }

  private void tryWake(String deliveryId, int retriesLeft) {
    try {
      if (makeDue(deliveryId)) {
        poll();
      } else if (retriesLeft > 0 && isPicked(deliveryId)) {
        timer.schedule(() -> tryWake(deliveryId, retriesLeft - 1), RETRY_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (SQLException | RuntimeException e) {
      // The job still runs at its fallback time; only latency is lost.
      log.warn("could not wake the job of delivery {}: {}", deliveryId, e.toString());
    }
  }

  private boolean makeDue(String deliveryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(MAKE_DUE)) {
      jdbc.setInstant(update, 1, clock.instant());
      update.setString(2, DeliveryJobs.TASK_NAME);
      update.setString(3, deliveryId);
      update.setBoolean(4, false);
      jdbc.setInstant(update, 5, clock.instant());
      update.setString(6, deliveryId);
      return update.executeUpdate() == 1;
    }
  }

  private boolean isPicked(String deliveryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(IS_PICKED)) {
      select.setString(1, DeliveryJobs.TASK_NAME);
      select.setString(2, deliveryId);
      select.setBoolean(3, true);
      return select.executeQuery().next();
    }
  }
}
