package dev.workstreams.adapter.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Reads stored deliveries and records what became of them: handled, failed once more, parked. */
final class DeliveryRecords {
  private static final String FIND =
      "SELECT seq, delivery_id, event, action, installation_id, repository, subject, received_at, state, failures"
          + " FROM deliveries WHERE delivery_id = ?";
  private static final String PAYLOAD = "SELECT payload FROM delivery_payloads WHERE seq = ?";
  // An earlier delivery of the same subject that has a job and was never tried yet: it goes first,
  // so that one issue's events are handled in the order GitHub sent them. Once it has failed, later
  // ones may overtake it instead of waiting out its back-off.
  private static final String EARLIER_WAITING =
      "SELECT 1 FROM deliveries d JOIN scheduled_tasks t ON t.task_name = ? AND t.task_instance = d.delivery_id"
          + " WHERE d.subject = ? AND d.state = 'pending' AND d.seq < ? AND d.failures = 0 FETCH FIRST 1 ROWS ONLY";
  // The delivery a finished handler hands its subject to: the earliest one still waiting for it.
  private static final String NEXT_WAITING =
      "SELECT delivery_id FROM deliveries WHERE subject = ? AND state = 'pending' AND failures = 0 AND delivery_id <> ?"
          // ordered like the index (subject, state, seq): H2 then walks the index instead of sorting the backlog
          + " ORDER BY subject, state, seq FETCH FIRST 1 ROWS ONLY";
  private static final String FINISH =
      "UPDATE deliveries SET state = ?, finished_at = ? WHERE delivery_id = ?";
  private static final String FAIL =
      "UPDATE deliveries SET failures = failures + 1, last_error = ? WHERE delivery_id = ?";
  private static final String FAILURES = "SELECT failures FROM deliveries WHERE delivery_id = ?";

  private static final int MAX_ERROR = 1000;

  private final DataSource dataSource;

  DeliveryRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<StoredDelivery> find(String deliveryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, deliveryId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long installation = row.getLong("installation_id");
        OptionalLong installationId = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(installation);
        return Optional.of(new StoredDelivery(
            row.getLong("seq"),
            row.getString("delivery_id"),
            row.getString("event"),
            Optional.ofNullable(row.getString("action")),
            installationId,
            Optional.ofNullable(row.getString("repository")),
            Optional.ofNullable(row.getString("subject")),
            row.getTimestamp("received_at").toInstant(),
            row.getString("state"),
            row.getInt("failures")));
      }
    }
  }

  /** The raw body; read only when the delivery is about to be handled, not for every look at its state. */
  byte[] payload(StoredDelivery delivery) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(PAYLOAD)) {
      select.setLong(1, delivery.seq());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("delivery " + delivery.deliveryId() + " has no stored payload");
        }
        return row.getBytes(1);
      }
    }
  }

  boolean hasEarlierWaiting(StoredDelivery delivery) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(EARLIER_WAITING)) {
      select.setString(1, DeliveryJobs.TASK_NAME);
      select.setString(2, delivery.subject().orElseThrow());
      select.setLong(3, delivery.seq());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  Optional<String> nextWaiting(String subject, String finishedDeliveryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(NEXT_WAITING)) {
      select.setString(1, subject);
      select.setString(2, finishedDeliveryId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  void markHandled(String deliveryId, Instant at) throws SQLException {
    finish(deliveryId, "handled", at);
  }

  /** Counts one more failed attempt; returns how many there have been. */
  int recordFailure(String deliveryId, String error) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement update = connection.prepareStatement(FAIL)) {
        update.setString(1, bounded(error));
        update.setString(2, deliveryId);
        update.executeUpdate();
      }
      try (PreparedStatement select = connection.prepareStatement(FAILURES)) {
        select.setString(1, deliveryId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getInt(1) : 0;
        }
      }
    }
  }

  /** An error's text cut to the {@code last_error} column. */
  static String bounded(String error) {
    return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
  }

  private void finish(String deliveryId, String state, Instant at) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(FINISH)) {
      update.setString(1, state);
      update.setTimestamp(2, Timestamp.from(at));
      update.setString(3, deliveryId);
      update.executeUpdate();
    }
  }
}
