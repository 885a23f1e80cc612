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
import java.util.Collections;
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
  // On H2, several rows per INSERT: H2 runs every entry of a JDBC batch as a statement of its own (a
  // savepoint, a snapshot of each index it touches, its dependencies collected anew); with one-row
  // entries the server allocated 58 KB per delivery under load, with chunks of rows 54 (README,
  // "Performance", issue 18). A batch is cut into chunks of these sizes, largest first, so that each
  // table has at most four statement texts, each parsed once per connection. PostgreSQL keeps one row
  // per entry: pgjdbc sends a whole batch in one round trip already, and there multi-row statements
  // measured slower.
  private static final int[] H2_CHUNKS = {64, 16, 4, 1};
  private static final int[] POSTGRES_CHUNKS = {1};
  private static final String INSERT_DELIVERIES =
      "INSERT INTO deliveries (delivery_id, event, action, installation_id, repository, subject, received_at, state) VALUES ";
  private static final String DELIVERY_ROW = "(?, ?, ?, ?, ?, ?, ?, '" + STATE_PENDING + "')";
  // Payloads are keyed by their delivery's seq (migration V11), read back in the same transaction.
  // One row: an indexed read of the delivery just inserted. Several (H2 only, hence VARBINARY): the same
  // through a join with the chunk's (payload, delivery id) pairs, typed, since bare parameters in VALUES
  // have no type to infer. On PostgreSQL the join form was slower for single rows (1,055 and 1,297 a
  // second against main before V11's 1,612 and 1,503; the indexed read 1,422 and 1,502 against its 1,370
  // and 1,413: README, "Performance", issue 18), so single rows never take it.
  private static final String INSERT_PAYLOAD = "INSERT INTO delivery_payloads (seq, payload) SELECT seq, ? FROM deliveries WHERE delivery_id = ?";
  private static final String INSERT_PAYLOADS = "INSERT INTO delivery_payloads (seq, payload) SELECT d.seq, v.payload FROM (VALUES ";
  private static final String PAYLOAD_ROW = "(CAST(? AS VARBINARY), CAST(? AS VARCHAR(100)))";
  private static final String PAYLOADS_JOIN = ") AS v(payload, delivery_id) JOIN deliveries d ON d.delivery_id = v.delivery_id";
  private static final String INSERT_JOBS =
      "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority) VALUES ";
  private static final String JOB_ROW = "(?, ?, NULL, ?, ?, 1, 0)";

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
    int from = 0;
    for (int size : h2 ? H2_CHUNKS : POSTGRES_CHUNKS) {
      List<List<IncomingDelivery>> chunks = new ArrayList<>();
      for (; fresh.size() - from >= size; from += size) {
        chunks.add(fresh.subList(from, from + size));
      }
      if (!chunks.isEmpty()) {
        insertDeliveries(connection, size, chunks);
        insertPayloads(connection, size, chunks);
        insertJobs(connection, size, chunks, waiting, deferred);
      }
    }
    return deferred;
  }

  private static void insertDeliveries(Connection connection, int size, List<List<IncomingDelivery>> chunks) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_DELIVERIES + rows(DELIVERY_ROW, size))) {
      for (List<IncomingDelivery> chunk : chunks) {
        int at = 1;
        for (IncomingDelivery delivery : chunk) {
          insert.setString(at++, delivery.deliveryId());
          insert.setString(at++, delivery.event());
          insert.setString(at++, delivery.action().orElse(null));
          if (delivery.installationId().isPresent()) {
            insert.setLong(at++, delivery.installationId().getAsLong());
          } else {
            insert.setNull(at++, Types.BIGINT);
          }
          insert.setString(at++, delivery.repository().orElse(null));
          insert.setString(at++, delivery.subject().orElse(null));
          insert.setTimestamp(at++, Timestamp.from(delivery.receivedAt()));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void insertPayloads(Connection connection, int size, List<List<IncomingDelivery>> chunks) throws SQLException {
    String sql = size == 1 ? INSERT_PAYLOAD : INSERT_PAYLOADS + rows(PAYLOAD_ROW, size) + PAYLOADS_JOIN;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (List<IncomingDelivery> chunk : chunks) {
        int at = 1;
        for (IncomingDelivery delivery : chunk) {
          if (h2) {
            insert.setObject(at++, ValueVarbinary.getNoCopy(delivery.body()));
          } else {
            insert.setBytes(at++, delivery.body());
          }
          insert.setString(at++, delivery.deliveryId());
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void insertJobs(Connection connection, int size, List<List<IncomingDelivery>> chunks, Set<String> waiting,
      Set<String> deferred) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_JOBS + rows(JOB_ROW, size))) {
      for (List<IncomingDelivery> chunk : chunks) {
        int at = 1;
        for (IncomingDelivery delivery : chunk) {
          Instant due = delivery.receivedAt();
          if (delivery.subject().isPresent() && !waiting.add(delivery.subject().get())) {
            deferred.add(delivery.subject().get());
            due = due.plus(subjectWaitFallback);
          }
          insert.setString(at++, DeliveryJobs.TASK_NAME);
          insert.setString(at++, delivery.deliveryId());
          jdbc.setInstant(insert, at++, due);
          insert.setBoolean(at++, false);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String rows(String row, int count) {
    return String.join(", ", Collections.nCopies(count, row));
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
