package dev.workstreams.adapter.store;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import dev.workstreams.workflow.IncomingDelivery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
  private static final String INSERT_PAYLOAD = "INSERT INTO delivery_payloads (delivery_id, payload) VALUES (?, ?)";
  private static final String INSERT_JOB =
      "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)"
          + " VALUES (?, ?, NULL, ?, ?, 1, 0)";

  private final JdbcCustomization jdbc;

  DeliveryBatchInsert(JdbcCustomization jdbc) {
    this.jdbc = jdbc;
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

  void insert(Connection connection, List<IncomingDelivery> fresh) throws SQLException {
    if (fresh.isEmpty()) {
      return;
    }
    try (PreparedStatement deliveries = connection.prepareStatement(INSERT_DELIVERY);
        PreparedStatement payloads = connection.prepareStatement(INSERT_PAYLOAD);
        PreparedStatement jobs = connection.prepareStatement(INSERT_JOB)) {
      for (IncomingDelivery delivery : fresh) {
        bindDelivery(deliveries, delivery);
        deliveries.addBatch();
        payloads.setString(1, delivery.deliveryId());
        payloads.setBytes(2, delivery.body());
        payloads.addBatch();
        jobs.setString(1, DeliveryJobs.TASK_NAME);
        jobs.setString(2, delivery.deliveryId());
        jdbc.setInstant(jobs, 3, delivery.receivedAt());
        jobs.setBoolean(4, false);
        jobs.addBatch();
      }
      deliveries.executeBatch();
      payloads.executeBatch();
      jobs.executeBatch();
    }
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
