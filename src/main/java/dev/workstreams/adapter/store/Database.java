package dev.workstreams.adapter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.workstreams.config.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the App's database, migrated to the current schema when opened: the
 * delivery queue ({@code adapter.queue}) and the plan rows (this package) share it. H2 and
 * PostgreSQL get their own migration folders: the tables are the same, the column types are each
 * database's natural ones.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final boolean postgres;

  private Database(HikariDataSource pool, boolean postgres) {
    this.pool = pool;
    this.postgres = postgres;
  }

  public static Database open(DatabaseTarget target, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.jdbcUrl());
    target.user().ifPresent(config::setUsername);
    target.password().ifPresent(p -> config.setPassword(p.reveal()));
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("workstreams-db");
    // GitHub gives up on a delivery after 10 s; waiting longer for a connection helps nobody.
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(2_000);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      String location = target.isPostgres() ? "classpath:db/migration/postgresql" : "classpath:db/migration/h2";
      Flyway.configure().dataSource(pool).locations(location).load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    log.info("database ready: {}", target.describe());
    return new Database(pool, target.isPostgres());
  }

  public DataSource dataSource() {
    return pool;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Makes what {@code connection} committed survive a crash of this process before it is
   * acknowledged. PostgreSQL's commit already does (and fsyncs). H2 keeps commits in memory for up
   * to WRITE_DELAY before a background thread writes them; CHECKPOINT writes them now, to the OS
   * (not fsynced: a crashed process loses nothing, a power cut may). Only intake needs this: the
   * job queue's own commits can wait, since a job lost in a crash runs again.
   */
  public void makeDurable(Connection connection) throws SQLException {
    if (!postgres) {
      try (Statement checkpoint = connection.createStatement()) {
        checkpoint.execute("CHECKPOINT");
      }
    }
  }

  /** For /readyz: true when a connection can be had and answers within a second. */
  public boolean isReachable() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      log.warn("database not reachable: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
