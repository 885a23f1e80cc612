package dev.workstreams.adapter.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.testing.Postgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Migration V11 re-keys stored payloads by their delivery's seq: every payload stored before it is still there, byte for byte. */
class PayloadsBySeqMigrationIT {

  @Test
  void keepsEveryPayloadOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:payloads" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    assertPayloadsSurvive(h2, "classpath:db/migration/h2", "9");
  }

  @Test
  void keepsEveryPayloadOnPostgres() throws Exception {
    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      assertPayloadsSurvive(postgres, "classpath:db/migration/postgresql", "10");
    }
  }

  /** @param before the last migration before V11 (H2 has no V10: lz4 is PostgreSQL's) */
  private static void assertPayloadsSurvive(DataSource dataSource, String migrations, String before) throws Exception {
    Flyway.configure().dataSource(dataSource).locations(migrations).target(before).load().migrate();
    Map<String, byte[]> stored = new LinkedHashMap<>();
    stored.put("delivery-b", "{\"second\": true}".getBytes(StandardCharsets.UTF_8));
    stored.put("delivery-a", "{\"first\": \"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
    try (Connection c = dataSource.getConnection()) {
      for (Map.Entry<String, byte[]> delivery : stored.entrySet()) {
        try (PreparedStatement d = c.prepareStatement("INSERT INTO deliveries (delivery_id, event, received_at, state)"
                + " VALUES (?, 'issues', CURRENT_TIMESTAMP, 'pending')");
            PreparedStatement p = c.prepareStatement("INSERT INTO delivery_payloads (delivery_id, payload) VALUES (?, ?)")) {
          d.setString(1, delivery.getKey());
          d.executeUpdate();
          p.setString(1, delivery.getKey());
          p.setBytes(2, delivery.getValue());
          p.executeUpdate();
        }
      }
    }

    Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();

    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM delivery_payloads")) {
        count.next();
        assertEquals(stored.size(), count.getInt(1));
      }
      for (Map.Entry<String, byte[]> delivery : stored.entrySet()) {
        try (PreparedStatement read = c.prepareStatement(
            "SELECT p.payload FROM delivery_payloads p JOIN deliveries d ON d.seq = p.seq WHERE d.delivery_id = ?")) {
          read.setString(1, delivery.getKey());
          try (ResultSet row = read.executeQuery()) {
            row.next();
            assertArrayEquals(delivery.getValue(), row.getBytes(1), delivery.getKey());
          }
        }
      }
    }
  }
}
