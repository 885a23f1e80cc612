package dev.workstreams.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the delivery store behind a server, through a connection of the test's own. */
public final class DeliveryTable {
  private final String jdbcUrl;

  public DeliveryTable(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  public static DeliveryTable h2(Path dataDir) {
    return new DeliveryTable("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("workstreams")
        + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
  }

  public String state(String deliveryId) {
    return text("SELECT state FROM deliveries WHERE delivery_id = ?", deliveryId);
  }

  public int failures(String deliveryId) {
    return Integer.parseInt(text("SELECT failures FROM deliveries WHERE delivery_id = ?", deliveryId));
  }

  public long count(String sql, String... parameters) {
    return Long.parseLong(text(sql, parameters));
  }

  /** Jobs still in db-scheduler's table. */
  public long jobs() {
    return count("SELECT COUNT(*) FROM scheduled_tasks");
  }

  /** The first column of every row the query returns. */
  public List<String> ids(String sql, String... parameters) {
    List<String> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
    return ids;
  }

  private String text(String sql, String... parameters) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
