package dev.workstreams.adapter.queue;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import dev.workstreams.workflow.IncomingDelivery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.h2.value.ValueVarbinary;

/**
 * Writes new deliveries and their jobs in the caller's transaction. The job row goes into
 * db-scheduler's own table here, in the same transaction as the delivery, rather than through
 * the scheduler's client: a crash can then never leave a stored (and acknowledged) delivery
 * without the job that handles it, and no recovery sweep is needed. The row is the one
 * db-scheduler writes itself for a new one-time execution (picked false, version 1), with its
 * timestamps set through db-scheduler's own JDBC customization.
 */
final class DeliveryBatchInsert {
  static final String STATE_PENDING = "pending";

  private static final String EXISTING =
      "SELECT delivery_id FROM deliveries WHERE delivery_id = ANY (?)";
  private static final String INSERT_DELIVERY =
      "INSERT INTO deliveries (delivery_id, event, action, installation_id, repository, subject, received_at, state)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, '" + STATE_PENDING + "')";
  // Keyed by the delivery's seq (migration V11), read back in the same transaction: an indexed read of
  // the row just inserted costs less than a generated-keys round trip on either database.
  private static final String INSERT_PAYLOAD =
      "INSERT INTO delivery_payloads (seq, payload) SELECT seq, ? FROM deliveries WHERE delivery_id = ?";
  private static final String INSERT_JOB =
      "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)"
          + " VALUES (?, ?, NULL, ?, ?, 1, 0)";

  // Subjects with a delivery already waiting: a new one for them queues behind it (see insert). One
  // statement for the batch's subjects (a round trip each cost PostgreSQL more than the probes), and
  // still one indexed probe per subject that stops at its first waiting delivery: a subject with a
  // long backlog must not cost a scan of that backlog.
  private static final String SUBJECTS_WAITING =
      "SELECT u.s FROM UNNEST(?) AS u(s) WHERE EXISTS (SELECT 1 FROM deliveries d"
          + " WHERE d.subject = u.s AND d.state = 'pending' AND d.failures = 0)";

  private final JdbcCustomization jdbc;
  private final Duration subjectWaitFallback;
  private final boolean h2;

  DeliveryBatchInsert(JdbcCustomization jdbc, Duration subjectWaitFallback) {
    this(jdbc, subjectWaitFallback, false);
  }

  /**
   * @param h2 the database is H2, whose {@code setBytes} copies the array (a payload is up to 25 MB):
   *     the payload is then handed over as H2's own value, uncopied. Intake's body arrays are never
   *     written after they are read, so sharing them is safe; it halves intake's allocation of payload bytes.
   */
  DeliveryBatchInsert(JdbcCustomization jdbc, Duration subjectWaitFallback, boolean h2) {
    this.jdbc = jdbc;
    this.subjectWaitFallback = subjectWaitFallback;
    this.h2 = h2;
  }

  /** The ids among {@code candidates} that are stored already (by an earlier batch or another instance). */
  Set<String> existing(Connection connection, List<IncomingDelivery> candidates) throws SQLException {
    Set<String> found = new HashSet<>();
    Object[] ids = candidates.stream().map(IncomingDelivery::deliveryId).toArray();
    try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
      Array array = connection.createArrayOf("VARCHAR", ids);
      select.setArray(1, array);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  /**
   * Inserts the deliveries and their jobs; returns the subjects whose new deliveries were stored
   * asleep. A delivery for an issue that already has one waiting or running would only find its
   * subject busy and go back to sleep, so its job starts asleep (until the wait fallback) and the
   * handler before it hands the subject over. In a burst for one issue this halves the work.
   */
  Set<String> insert(Connection connection, List<IncomingDelivery> fresh) throws SQLException {
    Set<String> deferred = new HashSet<>();
    if (fresh.isEmpty()) {
      return deferred;
    }
    Set<String> waiting = waitingSubjects(connection, fresh);
    try (PreparedStatement deliveries = connection.prepareStatement(INSERT_DELIVERY);
        PreparedStatement payloads = connection.prepareStatement(INSERT_PAYLOAD);
        PreparedStatement jobs = connection.prepareStatement(INSERT_JOB)) {
      for (IncomingDelivery delivery : fresh) {
        bindDelivery(deliveries, delivery);
        deliveries.addBatch();
        if (h2) {
          payloads.setObject(1, ValueVarbinary.getNoCopy(delivery.body()));
        } else {
          payloads.setBytes(1, delivery.body());
        }
        payloads.setString(2, delivery.deliveryId());
        payloads.addBatch();
        Instant due = delivery.receivedAt();
        if (delivery.subject().isPresent() && !waiting.add(delivery.subject().get())) {
          deferred.add(delivery.subject().get());
          due = due.plus(subjectWaitFallback);
        }
        jobs.setString(1, DeliveryJobs.TASK_NAME);
        jobs.setString(2, delivery.deliveryId());
        jdbc.setInstant(jobs, 3, due);
        jobs.setBoolean(4, false);
        jobs.addBatch();
      }
      deliveries.executeBatch();
      payloads.executeBatch();
      jobs.executeBatch();
    }
    return deferred;
  }

  private static Set<String> waitingSubjects(Connection connection, List<IncomingDelivery> fresh) throws SQLException {
    Set<String> found = new HashSet<>();
    Object[] subjects = fresh.stream().flatMap(d -> d.subject().stream()).distinct().toArray();
    if (subjects.length == 0) {
      return found;
    }
    try (PreparedStatement select = connection.prepareStatement(SUBJECTS_WAITING)) {
      select.setArray(1, connection.createArrayOf("VARCHAR", subjects));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private static void bindDelivery(PreparedStatement insert, IncomingDelivery delivery) throws SQLException {
    insert.setString(1, delivery.deliveryId());
    insert.setString(2, delivery.event());
    insert.setString(3, delivery.action().orElse(null));
    if (delivery.installationId().isPresent()) {
      insert.setLong(4, delivery.installationId().getAsLong());
    } else {
      insert.setNull(4, Types.BIGINT);
    }
    insert.setString(5, delivery.repository().orElse(null));
    insert.setString(6, delivery.subject().orElse(null));
    insert.setTimestamp(7, Timestamp.from(delivery.receivedAt()));
  }

  static List<IncomingDelivery> without(List<IncomingDelivery> batch, Set<String> ids) {
    List<IncomingDelivery> rest = new ArrayList<>(batch.size());
    for (IncomingDelivery delivery : batch) {
      if (!ids.contains(delivery.deliveryId())) {
        rest.add(delivery);
      }
    }
    return rest;
  }
}
