package dev.workstreams.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the tests may use: WORKSTREAMS_TEST_POSTGRES_URL, else the local one that .ci/run
 * starts. Without it, tests that need it are skipped, except in CI (CI=true), where they fail.
 * Each test class gets a schema of its own, dropped afterwards, so runs never see each other.
 */
public final class Postgres {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private Postgres() {}

  public static String baseUrl() {
    String url = System.getenv("WORKSTREAMS_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /** Skips (or, in CI, fails) the calling test when PostgreSQL does not answer. */
  public static void assumeAvailable() {
    DriverManager.setLoginTimeout(3);
    try (Connection ignored = DriverManager.getConnection(baseUrl())) {
      return;
    } catch (SQLException e) {
      String why = "PostgreSQL not reachable at " + withoutPassword(baseUrl()) + " (" + e.getMessage()
          + "); set WORKSTREAMS_TEST_POSTGRES_URL or start it (.ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true requires PostgreSQL: " + why, e);
      }
      Assumptions.abort("skipped: " + why);
    }
  }

  public static Schema newSchema() {
    String name = "ws_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE SCHEMA " + name);
    String base = baseUrl();
    return new Schema(name, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name);
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(baseUrl());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** A schema of one's own; its JDBC URL points the server at it. */
  public record Schema(String name, String jdbcUrl) implements AutoCloseable {
    /** A data source on this schema, for tests that drive a store directly. */
    public DataSource dataSource() {
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setURL(jdbcUrl);
      return source;
    }

    @Override
    public void close() {
      execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
