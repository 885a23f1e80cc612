package dev.workstreams.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import dev.workstreams.testing.Postgres;
import dev.workstreams.workflow.IncomingDelivery;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * On H2 a batch is written as multi-row INSERTs (chunks of 64, 16, 4 and 1 rows), on PostgreSQL one
 * row per batch entry. 149 deliveries take two chunks of 64 and one of each other size, and each must
 * come out whole: its payload byte for byte, its job beside it, asleep when its issue has one waiting.
 */
class DeliveryBatchInsertIT {
  private static final Duration FALLBACK = Duration.ofMinutes(10);
  private static final Instant RECEIVED = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void storesEveryRowOfABatchThatSpansEveryChunkSizeOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:chunks" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/h2").load().migrate();
    assertStoresEveryRow(h2, true);
  }

  @Test
  void storesEveryRowOfABatchThatSpansEveryChunkSizeOnPostgres() throws Exception {
    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      Flyway.configure().dataSource(postgres).locations("classpath:db/migration/postgresql").load().migrate();
      assertStoresEveryRow(postgres, false);
    }
  }

  private static void assertStoresEveryRow(DataSource dataSource, boolean h2) throws Exception {
    List<IncomingDelivery> batch = new ArrayList<>();
    for (int i = 0; i < 149; i++) {
      // Issue 1 has a delivery in the first chunk (0), the second (64) and the last (148); no subject for every tenth.
      Optional<String> subject = i % 10 == 5 ? Optional.empty()
          : Optional.of("octo/hello#" + (i == 0 || i == 64 || i == 148 ? 1 : 100 + i));
      batch.add(new IncomingDelivery("delivery-" + i, "issues", i % 2 == 0 ? Optional.of("labeled") : Optional.empty(),
          i % 3 == 0 ? OptionalLong.empty() : OptionalLong.of(1000 + i), Optional.of("octo/hello"), subject,
          ("{\"n\": " + i + ", \"\u00e9\": \"" + "x".repeat(i * 37) + "\"}").getBytes(StandardCharsets.UTF_8),
          RECEIVED.plusMillis(i)));
    }
    DeliveryBatchInsert insert = new DeliveryBatchInsert(new AutodetectJdbcCustomization(dataSource), FALLBACK, h2);
    Set<String> deferred;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      deferred = insert.insert(connection, batch);
      connection.commit();
    }

    assertEquals(Set.of("octo/hello#1"), deferred);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(
            "SELECT d.event, d.action, d.installation_id, d.subject, d.received_at, d.state, p.payload, t.execution_time"
                + " FROM deliveries d JOIN delivery_payloads p ON p.seq = d.seq"
                + " JOIN scheduled_tasks t ON t.task_name = 'handle-delivery' AND t.task_instance = d.delivery_id"
                + " WHERE d.delivery_id = ?")) {
      for (int i = 0; i < batch.size(); i++) {
        IncomingDelivery sent = batch.get(i);
        read.setString(1, sent.deliveryId());
        try (ResultSet row = read.executeQuery()) {
          assertEquals(true, row.next(), sent.deliveryId());
          assertEquals("issues", row.getString(1));
          assertEquals(sent.action().orElse(null), row.getString(2));
          long installation = row.getLong(3);
          assertEquals(sent.installationId(), row.wasNull() ? OptionalLong.empty() : OptionalLong.of(installation));
          assertEquals(sent.subject().orElse(null), row.getString(4));
          assertEquals(sent.receivedAt(), row.getTimestamp(5).toInstant());
          assertEquals("pending", row.getString(6));
          assertArrayEquals(sent.body(), row.getBytes(7), sent.deliveryId());
          Instant due = row.getObject(8, java.time.OffsetDateTime.class).toInstant();
          // The later deliveries of issue 1 sleep behind the first; every other job is due at once.
          assertEquals(i == 64 || i == 148 ? sent.receivedAt().plus(FALLBACK) : sent.receivedAt(), due, sent.deliveryId());
          assertEquals(false, row.next());
        }
      }
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM delivery_payloads");
          ResultSet rows = count.executeQuery()) {
        rows.next();
        assertEquals(batch.size(), rows.getInt(1));
      }
    }
  }
}
