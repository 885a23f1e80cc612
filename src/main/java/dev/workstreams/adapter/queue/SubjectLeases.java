package dev.workstreams.adapter.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One running handler per subject (an issue or a pull request), across every instance that shares
 * the database. A lease is a row; taking it succeeds only when there is none or it has expired,
 * so an instance that dies holding one blocks its subject for one lease duration at most. Leases
 * of running handlers are renewed by {@link #renewOwn()}, so a long handler keeps its subject.
 */
final class SubjectLeases {
  private static final String SQL_UNIQUE_VIOLATION = "23505";
  private static final String TAKE_EXPIRED =
      "UPDATE subject_leases SET owner = ?, holder = ?, expires_at = ? WHERE subject = ? AND expires_at < ?";
  private static final String TAKE_FREE =
      "INSERT INTO subject_leases (subject, owner, holder, expires_at) VALUES (?, ?, ?, ?)";
  private static final String RELEASE = "DELETE FROM subject_leases WHERE subject = ? AND holder = ?";
  private static final String HELD = "SELECT 1 FROM subject_leases WHERE subject = ? AND expires_at >= ?";
  private static final String RENEW = "UPDATE subject_leases SET expires_at = ? WHERE owner = ?";

  private final DataSource dataSource;
  private final Clock clock;
  private final String instance;
  private final Duration duration;

  SubjectLeases(DataSource dataSource, Clock clock, String instance, Duration duration) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.instance = instance;
    this.duration = duration;
  }

  /** Takes the subject for this delivery; false when another handler holds it. */
  boolean tryTake(String subject, String deliveryId) throws SQLException {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp until = Timestamp.from(clock.instant().plus(duration));
    // Autocommit, one statement each: a failed insert must not poison a surrounding transaction
    // (PostgreSQL aborts the whole transaction on a unique violation).
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement takeExpired = connection.prepareStatement(TAKE_EXPIRED)) {
        takeExpired.setString(1, instance);
        takeExpired.setString(2, deliveryId);
        takeExpired.setTimestamp(3, until);
        takeExpired.setString(4, subject);
        takeExpired.setTimestamp(5, now);
        if (takeExpired.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement takeFree = connection.prepareStatement(TAKE_FREE)) {
        takeFree.setString(1, subject);
        takeFree.setString(2, instance);
        takeFree.setString(3, deliveryId);
        takeFree.setTimestamp(4, until);
        takeFree.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (SQL_UNIQUE_VIOLATION.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }
  }

  void release(String subject, String deliveryId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(RELEASE)) {
      delete.setString(1, subject);
      delete.setString(2, deliveryId);
      delete.executeUpdate();
    }
  }

  boolean isHeld(String subject) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(HELD)) {
      select.setString(1, subject);
      select.setTimestamp(2, Timestamp.from(clock.instant()));
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /** Pushes back the expiry of every lease this instance holds; called well within one duration. */
  void renewOwn() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement renew = connection.prepareStatement(RENEW)) {
      renew.setTimestamp(1, Timestamp.from(clock.instant().plus(duration)));
      renew.setString(2, instance);
      renew.executeUpdate();
    }
  }

  Duration duration() {
    return duration;
  }
}
