package dev.workstreams.adapter.queue;

import dev.workstreams.workflow.IncomingDelivery;
import dev.workstreams.workflow.plans.ReportGiveUpWhenParked;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Parks a delivery that used its last attempt and, when it was about an issue, stores the App's
 * own {@code workstreams.gave_up} event for that issue in the same transaction: the parking and the
 * report of it are never one without the other, whatever crashes. A gave-up event that is itself
 * parked reports nothing, so giving up cannot feed on itself.
 */
final class Parking {
  private static final String PARK = "UPDATE deliveries SET state = 'parked', finished_at = ? WHERE delivery_id = ?";

  private final DataSource dataSource;
  private final DeliveryBatchInsert insert;

  Parking(DataSource dataSource, DeliveryBatchInsert insert) {
    this.dataSource = dataSource;
    this.insert = insert;
  }

  /** @return the id of the gave-up event stored with the parking, if there is one */
  Optional<String> park(StoredDelivery delivery, int attempts, String error, Instant at) throws SQLException {
    Optional<IncomingDelivery> report = gaveUpEvent(delivery, attempts, error, at);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement update = connection.prepareStatement(PARK)) {
          update.setTimestamp(1, Timestamp.from(at));
          update.setString(2, delivery.deliveryId());
          update.executeUpdate();
        }
        if (report.isPresent() && insert.existing(connection, List.of(report.get())).isEmpty()) {
          insert.insert(connection, List.of(report.get()));
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    return report.map(IncomingDelivery::deliveryId);
  }

  static Optional<IncomingDelivery> gaveUpEvent(StoredDelivery delivery, int attempts, String error, Instant at) {
    boolean isGaveUp = delivery.event().equals(ReportGiveUpWhenParked.EVENT)
        && delivery.action().filter(ReportGiveUpWhenParked.ACTION::equals).isPresent();
    OptionalLong issue = delivery.subject().map(Parking::issueOf).orElse(OptionalLong.empty());
    if (isGaveUp || issue.isEmpty() || delivery.installationId().isEmpty() || delivery.repository().isEmpty()) {
      return Optional.empty();
    }
    String name = delivery.action().map(a -> delivery.event() + "." + a).orElse(delivery.event());
    byte[] payload = ReportGiveUpWhenParked.payload(delivery.installationId().getAsLong(), delivery.repository().get(),
        issue.getAsLong(), delivery.deliveryId(), name, attempts, error);
    // Named after the parked delivery: a second parking of it (there is none, but ids cost nothing) finds it stored.
    String id = "workstreams-gave-up-" + UUID.nameUUIDFromBytes(delivery.deliveryId().getBytes(StandardCharsets.UTF_8));
    return Optional.of(new IncomingDelivery(id, ReportGiveUpWhenParked.EVENT, Optional.of(ReportGiveUpWhenParked.ACTION),
        delivery.installationId(), delivery.repository(), delivery.subject(), payload, at));
  }

  /** The number of a subject {@code owner/repo#123}. */
  private static OptionalLong issueOf(String subject) {
    int hash = subject.lastIndexOf('#');
    try {
      return hash < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(subject.substring(hash + 1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
