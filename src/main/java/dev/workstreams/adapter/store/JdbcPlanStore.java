package dev.workstreams.adapter.store;

import dev.workstreams.core.config.Enforcement;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plans and workstreams in the App's database (H2 or PostgreSQL; schema in db/migration). */
public final class JdbcPlanStore implements PlanStore {
  /**
   * The widest issue or pull request body the plan store keeps (H2's {@code plans.issue_body} and
   * {@code workstreams.pr_body}); intake refuses a delivery carrying a longer one, which could never be stored.
   */
  public static final int MAX_BODY_CHARACTERS = 1_000_000;

  private static final String PLAN_COLUMNS =
      "installation_id, state, issue_body, base_branch, max_parallel, agent, shared_paths, enforcement, labelled_at,"
          + " finished_at, tracking_comment_id, tracking_comment_body, protected_paths, labelled_by_admin, rejected_edit,"
          + " integration_note";

  private final DataSource dataSource;
  private final WorkstreamRows rows = new WorkstreamRows();

  public JdbcPlanStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<StoredPlan> plan(RepositoryId repository, int issue) {
    List<StoredPlan> plans = queryPlans(
        "SELECT repository, issue_number, " + PLAN_COLUMNS + " FROM plans WHERE repository = ? AND issue_number = ?",
        repository.fullName(), issue);
    return plans.stream().findFirst();
  }

  @Override
  public List<StoredPlan> activePlans(RepositoryId repository) {
    return queryPlans(
        "SELECT repository, issue_number, " + PLAN_COLUMNS + " FROM plans WHERE repository = ? AND state = ? ORDER BY issue_number",
        repository.fullName(), PlanState.ACTIVE.name());
  }

  @Override
  public void savePlan(StoredPlan plan) {
    String update = "UPDATE plans SET installation_id = ?, state = ?, issue_body = ?, base_branch = ?, max_parallel = ?,"
        + " agent = ?, shared_paths = ?, enforcement = ?, labelled_at = ?, finished_at = ?, tracking_comment_id = ?,"
        + " tracking_comment_body = ?, protected_paths = ?, labelled_by_admin = ?, rejected_edit = ?, integration_note = ?"
        + " WHERE repository = ? AND issue_number = ?";
    String insert = "INSERT INTO plans (" + PLAN_COLUMNS + ", repository, issue_number)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    upsert(update, insert, statement -> {
      int i = 1;
      statement.setLong(i++, plan.repository().installationId());
      statement.setString(i++, plan.state().name());
      statement.setString(i++, plan.issueBody());
      statement.setString(i++, plan.baseBranch());
      statement.setInt(i++, plan.maxParallel());
      statement.setString(i++, plan.agent().orElse(null));
      statement.setString(i++, String.join("\n", plan.shared()));
      statement.setString(i++, plan.enforcement().name());
      statement.setObject(i++, SqlTime.of(plan.labelledAt()));
      statement.setObject(i++, plan.finishedAt().map(SqlTime::of).orElse(null));
      statement.setObject(i++, plan.trackingCommentId().orElse(null));
      statement.setString(i++, plan.trackingCommentBody());
      statement.setString(i++, String.join("\n", plan.protectedPaths()));
      statement.setBoolean(i++, plan.labelledByAdmin());
      statement.setString(i++, plan.rejectedEdit());
      statement.setString(i++, plan.integrationNote());
      statement.setString(i++, plan.repository().fullName());
      statement.setInt(i, plan.issue());
    });
  }

  @Override
  public List<StoredWorkstream> workstreams(RepositoryId repository, int issue) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT " + WorkstreamRows.COLUMNS + " FROM workstreams WHERE repository = ? AND issue_number = ? ORDER BY task_id")) {
      s.setString(1, repository.fullName());
      s.setInt(2, issue);
      List<StoredWorkstream> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(rows.read(r));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read the workstreams of " + repository + "#" + issue, e);
    }
  }

  @Override
  public void saveWorkstream(RepositoryId repository, int issue, StoredWorkstream workstream) {
    upsert(WorkstreamRows.UPDATE, WorkstreamRows.INSERT, statement -> {
      int next = rows.bind(statement, workstream);
      statement.setString(next, repository.fullName());
      statement.setInt(next + 1, issue);
      statement.setString(next + 2, workstream.taskId());
    });
  }

  @Override
  public Optional<PlanTask> taskOfPullRequest(RepositoryId repository, int pullRequest) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT issue_number, task_id FROM workstreams WHERE repository = ? AND pr_number = ?")) {
      s.setString(1, repository.fullName());
      s.setInt(2, pullRequest);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new PlanTask(r.getInt(1), r.getString(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot look up pull request " + repository + "#" + pullRequest, e);
    }
  }

  @Override
  public void heartbeat(RepositoryId repository, int issue, String taskId, Instant at) {
    String sql = "UPDATE workstreams SET agent_heartbeat = ? WHERE repository = ? AND issue_number = ? AND task_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, SqlTime.of(at));
      s.setString(2, repository.fullName());
      s.setInt(3, issue);
      s.setString(4, taskId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot record the heartbeat of " + repository + "#" + issue + "/" + taskId, e);
    }
  }

  @Override
  public List<RunningTask> silentAgents(Instant before) {
    String sql = "SELECT w.repository, w.issue_number, w.task_id, p.installation_id, w.attempts FROM workstreams w"
        + " JOIN plans p ON p.repository = w.repository AND p.issue_number = w.issue_number"
        + " WHERE w.state = 'RUNNING' AND (w.agent_heartbeat IS NULL OR w.agent_heartbeat < ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, SqlTime.of(before));
      List<RunningTask> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(new RunningTask(RepositoryId.of(r.getLong(4), r.getString(1)), r.getInt(2), r.getString(3), r.getInt(5)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot look for silent agents", e);
    }
  }

  private List<StoredPlan> queryPlans(String sql, String repository, Object second) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, repository);
      s.setObject(2, second);
      List<StoredPlan> plans = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          plans.add(readPlan(r));
        }
      }
      return plans;
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot read plans of " + repository, e);
    }
  }

  private static StoredPlan readPlan(ResultSet r) throws SQLException {
    String shared = r.getString("shared_paths");
    long commentId = r.getLong("tracking_comment_id");
    Optional<Long> trackingComment = r.wasNull() ? Optional.empty() : Optional.of(commentId);
    return new StoredPlan(
        RepositoryId.of(r.getLong("installation_id"), r.getString("repository")),
        r.getInt("issue_number"),
        PlanState.valueOf(r.getString("state")),
        r.getString("issue_body"),
        r.getString("base_branch"),
        r.getInt("max_parallel"),
        Optional.ofNullable(r.getString("agent")),
        lines(shared),
        Enforcement.valueOf(r.getString("enforcement")),
        SqlTime.instant(r, "labelled_at").orElseThrow(),
        SqlTime.instant(r, "finished_at"),
        trackingComment,
        Optional.ofNullable(r.getString("tracking_comment_body")).orElse(""),
        lines(r.getString("protected_paths")),
        r.getBoolean("labelled_by_admin"),
        Optional.ofNullable(r.getString("rejected_edit")).orElse(""),
        Optional.ofNullable(r.getString("integration_note")).orElse(""));
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private void upsert(String update, String insert, Binder binder) {
    upsert(dataSource, update, insert, binder);
  }

  /** Updates the row, or inserts it when there was none: the one upsert both vendors run the same way. */
  static void upsert(DataSource dataSource, String update, String insert, Binder binder) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(update)) {
        binder.bind(s);
        if (s.executeUpdate() > 0) {
          return;
        }
      }
      try (PreparedStatement s = c.prepareStatement(insert)) {
        binder.bind(s);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PlanStoreFailure("cannot save: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
