package dev.workstreams.adapter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.json.Json;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RevisionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Follow-through's triggers, revision counts and settings in the App's database (schema: V6). */
public final class JdbcRevisionStore implements RevisionStore {

  /** SQLSTATE of a unique key violation, on H2 and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";
  private static final ObjectMapper JSON = Json.mapper();

  private final DataSource dataSource;

  public JdbcRevisionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean record(RepositoryId repository, int issue, String taskId, Trigger trigger, Instant at) {
    String sql = "INSERT INTO revision_triggers (repository, issue_number, task_id, trigger_key, kind, trigger_json,"
        + " state, note, received_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', '', ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      s.setString(3, taskId);
      s.setString(4, trigger.key());
      s.setString(5, trigger.getClass().getSimpleName());
      s.setString(6, JSON.writeValueAsString(trigger));
      s.setObject(7, SqlTime.of(at));
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return false;
      }
      throw new PlanStoreFailure("cannot record trigger " + trigger.key() + " of " + repository + "#" + issue + "/" + taskId, e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a trigger could not be written as JSON", e);
    }
  }

  @Override
  public boolean remember(RepositoryId repository, int issue, String taskId, String key, String note, Instant at) {
    String sql = "INSERT INTO revision_triggers (repository, issue_number, task_id, trigger_key, kind, trigger_json,"
        + " state, note, received_at) VALUES (?, ?, ?, ?, 'Note', '{}', 'DROPPED', ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      s.setString(3, taskId);
      s.setString(4, key);
      s.setString(5, note.length() > 4000 ? note.substring(0, 4000) : note);
      s.setObject(6, SqlTime.of(at));
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return false;
      }
      throw new PlanStoreFailure("cannot remember " + key + " of " + repository + "#" + issue + "/" + taskId, e);
    }
  }

  @Override
  public boolean seen(RepositoryId repository, int issue, String taskId, String prefix) {
    String sql = "SELECT trigger_key FROM revision_triggers WHERE repository = ? AND issue_number = ? AND task_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      s.setString(3, taskId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          if (r.getString(1).startsWith(prefix)) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read the triggers of " + repository + "#" + issue + "/" + taskId, e);
    }
  }

  @Override
  public Map<String, List<Trigger>> pending(RepositoryId repository, int issue) {
    String sql = "SELECT task_id, kind, trigger_json FROM revision_triggers WHERE repository = ? AND issue_number = ?"
        + " AND state = 'PENDING' ORDER BY received_at, trigger_key";
    Map<String, List<Trigger>> found = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(read(r.getString(2), r.getString(3)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read the pending triggers of " + repository + "#" + issue, e);
    }
  }

  private static Trigger read(String kind, String json) {
    Class<? extends Trigger> type = switch (kind) {
      case "Review" -> Trigger.Review.class;
      case "ChecksFailed" -> Trigger.ChecksFailed.class;
      case "SiblingConflict" -> Trigger.SiblingConflict.class;
      default -> throw new IllegalStateException("unknown trigger kind " + kind);
    };
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + kind + " trigger could not be read", e);
    }
  }

  @Override
  public void started(RepositoryId repository, int issue, String taskId, List<String> keys) {
    keys.forEach(key -> mark(repository, issue, taskId, key, "STARTED", ""));
  }

  @Override
  public void dropped(RepositoryId repository, int issue, String taskId, String key, String note) {
    mark(repository, issue, taskId, key, "DROPPED", note.length() > 4000 ? note.substring(0, 4000) : note);
  }

  /** Moves a waiting trigger on; one already answered or dropped keeps what it was. */
  private void mark(RepositoryId repository, int issue, String taskId, String key, String state, String note) {
    String sql = "UPDATE revision_triggers SET state = ?, note = ? WHERE repository = ? AND issue_number = ?"
        + " AND task_id = ? AND trigger_key = ? AND state = 'PENDING'";
    update(sql, s -> {
      s.setString(1, state);
      s.setString(2, note);
      s.setString(3, repository.fullName());
      s.setInt(4, issue);
      s.setString(5, taskId);
      s.setString(6, key);
    });
  }

  @Override
  public Optional<String> outcome(RepositoryId repository, int issue, String taskId, String key) {
    String sql = "SELECT state, note FROM revision_triggers WHERE repository = ? AND issue_number = ? AND task_id = ?"
        + " AND trigger_key = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      s.setString(3, taskId);
      s.setString(4, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(2).isEmpty() ? r.getString(1) : r.getString(2)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read trigger " + key, e);
    }
  }

  @Override
  public Map<String, Revisions> revisions(RepositoryId repository, int issue) {
    String sql = "SELECT task_id, revisions_used, last_trigger, needs_human, head_sha FROM workstream_revisions"
        + " WHERE repository = ? AND issue_number = ?";
    Map<String, Revisions> found = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.put(r.getString(1), new Revisions(r.getInt(2), r.getString(3), r.getBoolean(4), r.getString(5)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read the revisions of " + repository + "#" + issue, e);
    }
  }

  @Override
  public void saveRevisions(RepositoryId repository, int issue, String taskId, Revisions revisions) {
    String last = revisions.lastTrigger().length() > 1000 ? revisions.lastTrigger().substring(0, 1000) : revisions.lastTrigger();
    upsert("UPDATE workstream_revisions SET revisions_used = ?, last_trigger = ?, needs_human = ?, head_sha = ?"
            + " WHERE repository = ? AND issue_number = ? AND task_id = ?",
        "INSERT INTO workstream_revisions (revisions_used, last_trigger, needs_human, head_sha, repository, issue_number,"
            + " task_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        s -> {
          s.setInt(1, revisions.used());
          s.setString(2, last);
          s.setBoolean(3, revisions.needsHuman());
          s.setString(4, revisions.headSha());
          s.setString(5, repository.fullName());
          s.setInt(6, issue);
          s.setString(7, taskId);
        });
  }

  @Override
  public Optional<FollowThroughSettings> settings(RepositoryId repository, int issue) {
    String sql = "SELECT max_revisions, agent_time_budget_seconds, plan_time_budget_seconds, rerun_failed_checks"
        + " FROM plan_followthrough WHERE repository = ? AND issue_number = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long plan = r.getLong(3);
        OptionalLong planBudget = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(plan);
        return Optional.of(new FollowThroughSettings(r.getInt(1), r.getLong(2), planBudget, r.getBoolean(4)));
      }
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read the follow-through settings of " + repository + "#" + issue, e);
    }
  }

  @Override
  public void saveSettings(RepositoryId repository, int issue, FollowThroughSettings settings) {
    upsert("UPDATE plan_followthrough SET max_revisions = ?, agent_time_budget_seconds = ?, plan_time_budget_seconds = ?,"
            + " rerun_failed_checks = ? WHERE repository = ? AND issue_number = ?",
        "INSERT INTO plan_followthrough (max_revisions, agent_time_budget_seconds, plan_time_budget_seconds,"
            + " rerun_failed_checks, repository, issue_number) VALUES (?, ?, ?, ?, ?, ?)",
        s -> {
          s.setInt(1, settings.maxRevisions());
          s.setLong(2, settings.agentTimeBudgetSeconds());
          s.setObject(3, settings.planTimeBudgetSeconds().isPresent() ? settings.planTimeBudgetSeconds().getAsLong() : null);
          s.setBoolean(4, settings.rerunFailedChecks());
          s.setString(5, repository.fullName());
          s.setInt(6, issue);
        });
  }

  private void update(String sql, JdbcPlanStore.Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot save: " + e.getMessage(), e);
    }
  }

  private void upsert(String update, String insert, JdbcPlanStore.Binder binder) {
    JdbcPlanStore.upsert(dataSource, update, insert, binder);
  }

}
