package dev.workstreams.adapter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.json.Json;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.RepositoryId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ActionsAttempts} in the shared database: each state change is one conditional update. The states are
 * {@link ActionsAttempt.State}'s names; {@code NEEDS_PERMISSION}, the longest, just fits the column's 16 characters.
 */
public final class JdbcActionsAttempts implements ActionsAttempts {

  private static final ObjectMapper JSON = Json.mapper();
  private static final String COLUMNS = "repository, attempt_key, installation_id, assignment, workflow, expected_head,"
      + " run_id, state, cancel_requested, dispatched_at, deadline";
  /** Both H2 and PostgreSQL report a duplicate primary key with this SQL state. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcActionsAttempts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean begin(ActionsAttempt a) {
    String sql = "INSERT INTO actions_attempts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, a.repository().fullName());
      s.setString(2, a.key());
      s.setLong(3, a.repository().installationId());
      s.setString(4, JSON.writeValueAsString(a.assignment()));
      s.setString(5, a.workflow());
      s.setString(6, a.expectedHead());
      s.setObject(7, a.runId().orElse(null));
      s.setString(8, a.state().name());
      s.setBoolean(9, a.cancelRequested());
      s.setObject(10, SqlTime.of(a.dispatchedAt()));
      s.setObject(11, SqlTime.of(a.deadline()));
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new PlanStoreFailure("cannot record the Actions attempt " + a.repository() + " " + a.key(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an agent assignment could not be written as JSON", e);
    }
  }

  @Override
  public void dispatched(RepositoryId repository, String key, Optional<Long> runId) {
    update("UPDATE actions_attempts SET state = 'DISPATCHED', run_id = COALESCE(run_id, ?)"
        + " WHERE repository = ? AND attempt_key = ? AND state = 'DISPATCHING'", repository, key, s -> {
          s.setObject(1, runId.orElse(null));
          s.setString(2, repository.fullName());
          s.setString(3, key);
        });
  }

  @Override
  public void needsPermission(RepositoryId repository, String key) {
    update("UPDATE actions_attempts SET state = 'NEEDS_PERMISSION'"
        + " WHERE repository = ? AND attempt_key = ? AND state = 'DISPATCHING'", repository, key, s -> {
          s.setString(1, repository.fullName());
          s.setString(2, key);
        });
  }

  @Override
  public boolean resume(RepositoryId repository, String key, String expectedHead, Instant at, Instant deadline) {
    return update("UPDATE actions_attempts SET state = 'DISPATCHING', expected_head = ?, dispatched_at = ?, deadline = ?"
        + " WHERE repository = ? AND attempt_key = ? AND state = 'NEEDS_PERMISSION'", repository, key, s -> {
          s.setString(1, expectedHead);
          s.setObject(2, SqlTime.of(at));
          s.setObject(3, SqlTime.of(deadline));
          s.setString(4, repository.fullName());
          s.setString(5, key);
        }) == 1;
  }

  @Override
  public boolean dropAwaiting(RepositoryId repository, String key) {
    return update("UPDATE actions_attempts SET state = 'DONE'"
        + " WHERE repository = ? AND attempt_key = ? AND state = 'NEEDS_PERMISSION'", repository, key, s -> {
          s.setString(1, repository.fullName());
          s.setString(2, key);
        }) == 1;
  }

  @Override
  public boolean claim(RepositoryId repository, String key, long runId) {
    // A run whose id the dispatch already told may only be claimed by that run: a title is the run's to choose.
    return update("UPDATE actions_attempts SET state = 'COLLECTING', run_id = ?"
        + " WHERE repository = ? AND attempt_key = ? AND state IN ('DISPATCHING', 'DISPATCHED')"
        + " AND (run_id IS NULL OR run_id = ?)", repository, key, s -> {
          s.setLong(1, runId);
          s.setString(2, repository.fullName());
          s.setString(3, key);
          s.setLong(4, runId);
        }) == 1;
  }

  @Override
  public void done(RepositoryId repository, String key) {
    update("UPDATE actions_attempts SET state = 'DONE' WHERE repository = ? AND attempt_key = ?", repository, key,
        s -> {
          s.setString(1, repository.fullName());
          s.setString(2, key);
        });
  }

  @Override
  public void requestCancel(RepositoryId repository, String key) {
    update("UPDATE actions_attempts SET cancel_requested = TRUE WHERE repository = ? AND attempt_key = ?", repository,
        key, s -> {
          s.setString(1, repository.fullName());
          s.setString(2, key);
        });
  }

  @Override
  public Optional<ActionsAttempt> find(RepositoryId repository, String key) {
    List<ActionsAttempt> found = query("SELECT " + COLUMNS + " FROM actions_attempts WHERE repository = ? AND attempt_key = ?",
        repository.fullName(), key);
    return found.stream().findFirst();
  }

  @Override
  public List<ActionsAttempt> waiting() {
    return query("SELECT " + COLUMNS + " FROM actions_attempts WHERE state IN (?, ?) ORDER BY dispatched_at",
        "DISPATCHING", "DISPATCHED");
  }

  @Override
  public List<ActionsAttempt> awaitingPermission() {
    return query("SELECT " + COLUMNS + " FROM actions_attempts WHERE state = ? ORDER BY dispatched_at",
        "NEEDS_PERMISSION");
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private int update(String sql, RepositoryId repository, String key, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot update the Actions attempt " + repository + " " + key, e);
    }
  }

  private List<ActionsAttempt> query(String sql, String... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      List<ActionsAttempt> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(read(r));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read Actions attempts", e);
    }
  }

  private static ActionsAttempt read(ResultSet r) throws SQLException {
    long runId = r.getLong("run_id");
    Optional<Long> run = r.wasNull() ? Optional.empty() : Optional.of(runId);
    try {
      return new ActionsAttempt(RepositoryId.of(r.getLong("installation_id"), r.getString("repository")),
          r.getString("attempt_key"), JSON.readValue(r.getString("assignment"), AgentAssignment.class),
          r.getString("workflow"), r.getString("expected_head"), run, ActionsAttempt.State.valueOf(r.getString("state")),
          r.getBoolean("cancel_requested"), SqlTime.instant(r, "dispatched_at").orElseThrow(),
          SqlTime.instant(r, "deadline").orElseThrow());
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored agent assignment is not readable JSON", e);
    }
  }
}
