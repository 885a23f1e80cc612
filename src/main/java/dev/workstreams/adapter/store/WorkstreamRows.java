package dev.workstreams.adapter.store;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.StoredWorkstream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps {@link StoredWorkstream} to and from a row of {@code workstreams}. */
final class WorkstreamRows {

  static final String COLUMNS = "task_id, branch, pr_number, pr_state, pr_title, pr_body, pr_labels, pr_draft, state,"
      + " detail, attempts, agent_started_at, agent_finished_at, agent_seconds, merged_at, requested";
  static final String UPDATE = "UPDATE workstreams SET branch = ?, pr_number = ?, pr_state = ?, pr_title = ?, pr_body = ?,"
      + " pr_labels = ?, pr_draft = ?, state = ?, detail = ?, attempts = ?, agent_started_at = ?, agent_finished_at = ?,"
      + " agent_seconds = ?, merged_at = ?, requested = ? WHERE repository = ? AND issue_number = ? AND task_id = ?";
  static final String INSERT = "INSERT INTO workstreams (branch, pr_number, pr_state, pr_title, pr_body, pr_labels, pr_draft,"
      + " state, detail, attempts, agent_started_at, agent_finished_at, agent_seconds, merged_at, requested,"
      + " repository, issue_number, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Binds every column but the key; returns the index of the first key parameter. */
  int bind(PreparedStatement s, StoredWorkstream w) throws SQLException {
    int i = 1;
    s.setString(i++, w.branch());
    Optional<ObservedPullRequest> pr = w.pullRequest();
    if (pr.isPresent()) {
      s.setInt(i++, pr.get().number());
      s.setString(i++, pr.get().state().name());
      s.setString(i++, pr.get().title());
      s.setString(i++, pr.get().body());
      s.setString(i++, String.join("\n", new TreeSet<>(pr.get().labels())));
      s.setBoolean(i++, pr.get().draft());
    } else {
      s.setNull(i++, Types.INTEGER);
      for (int n = 0; n < 4; n++) {
        s.setNull(i++, Types.VARCHAR);
      }
      s.setNull(i++, Types.BOOLEAN);
    }
    s.setString(i++, w.state().name());
    s.setString(i++, w.detail());
    s.setInt(i++, w.attempts());
    s.setObject(i++, w.agentStartedAt().map(SqlTime::of).orElse(null));
    s.setObject(i++, w.agentFinishedAt().map(SqlTime::of).orElse(null));
    s.setLong(i++, w.agentTime().toSeconds());
    s.setObject(i++, w.mergedAt().map(SqlTime::of).orElse(null));
    s.setString(i++, w.requested().orElse(null));
    return i;
  }

  StoredWorkstream read(ResultSet r) throws SQLException {
    int number = r.getInt("pr_number");
    Optional<ObservedPullRequest> pr = r.wasNull()
        ? Optional.empty()
        : Optional.of(new ObservedPullRequest(number, ObservedPullRequest.State.valueOf(r.getString("pr_state")),
            r.getString("pr_title"), r.getString("pr_body"), labels(r.getString("pr_labels")), r.getBoolean("pr_draft")));
    return new StoredWorkstream(
        r.getString("task_id"),
        r.getString("branch"),
        pr,
        WorkstreamState.valueOf(r.getString("state")),
        r.getString("detail"),
        r.getInt("attempts"),
        SqlTime.instant(r, "agent_started_at"),
        SqlTime.instant(r, "agent_finished_at"),
        Duration.ofSeconds(r.getLong("agent_seconds")),
        SqlTime.instant(r, "merged_at"),
        Optional.ofNullable(r.getString("requested")));
  }

  private static Set<String> labels(String text) {
    return text == null || text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split("\n")));
  }
}
