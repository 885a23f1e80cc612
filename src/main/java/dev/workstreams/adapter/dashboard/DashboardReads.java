package dev.workstreams.adapter.dashboard;

import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the dashboard reads that the plan store has no question for: plans of many repositories with
 * their workstreams counted (one query, for the plans page), and a plan's timeline from the deliveries
 * the App stored and handled for the plan issue and its pull requests. Read only.
 */
public final class DashboardReads {

  /** Repositories per query: well under every database's limit on bound parameters. */
  private static final int CHUNK = 500;
  private static final int TIMELINE_ROWS = 200;

  private final DataSource dataSource;

  public DashboardReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The plans of these repositories, newest label first. */
  public List<PlanRow> plans(Collection<String> repositories) {
    List<String> names = List.copyOf(repositories);
    Map<String, Builder> rows = new LinkedHashMap<>();
    for (int from = 0; from < names.size(); from += CHUNK) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
      String in = " WHERE repository IN (" + String.join(", ", chunk.stream().map(n -> "?").toList()) + ")";
      // Two plain queries rather than one grouped join: H2 groups the join several times slower.
      query("SELECT repository, issue_number, state, max_parallel, labelled_at, finished_at FROM plans" + in, chunk,
          r -> rows.computeIfAbsent(r.getString(1) + "#" + r.getInt(2), k -> new Builder()).plan(r));
      query("SELECT repository, issue_number, state, COUNT(*), SUM(agent_seconds) FROM workstreams" + in
          + " GROUP BY repository, issue_number, state", chunk, r -> {
            Builder b = rows.get(r.getString(1) + "#" + r.getInt(2));
            if (b != null) {
              b.workstreams(r);
            }
          });
    }
    List<PlanRow> plans = new ArrayList<>(rows.values().stream().map(Builder::build).toList());
    plans.sort((a, b) -> b.labelledAt().compareTo(a.labelledAt()) != 0 ? b.labelledAt().compareTo(a.labelledAt())
        : Integer.compare(b.issue(), a.issue()));
    return plans;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet r) throws SQLException;
  }

  private void query(String sql, List<String> repositories, RowReader reader) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < repositories.size(); i++) {
        s.setString(i + 1, repositories.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          reader.read(r);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list plans: " + e.getMessage(), e);
    }
  }

  /**
   * The deliveries about the plan issue and the given pull requests (webhooks and the App's own events),
   * newest first: what arrived, and whether the App handled it or gave up.
   */
  public List<TimelineEntry> deliveries(String repository, int issue, Collection<Integer> pullRequests) {
    List<String> subjects = new ArrayList<>();
    subjects.add(repository + "#" + issue);
    pullRequests.forEach(n -> subjects.add(repository + "#" + n));
    String sql = "SELECT delivery_id, event, action, received_at, state FROM deliveries WHERE subject IN ("
        + String.join(", ", subjects.stream().map(n -> "?").toList()) + ") ORDER BY seq DESC";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setMaxRows(TIMELINE_ROWS);
      for (int i = 0; i < subjects.size(); i++) {
        s.setString(i + 1, subjects.get(i));
      }
      List<TimelineEntry> entries = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String action = r.getString("action");
          String what = r.getString("event") + (action == null ? "" : "." + action);
          boolean own = r.getString("delivery_id").startsWith("workstreams-");
          entries.add(new TimelineEntry(r.getObject("received_at", OffsetDateTime.class).toInstant(),
              (own ? "the App's own event " : "GitHub event ") + what + ": " + stateText(r.getString("state"))));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the timeline of " + repository + "#" + issue + ": " + e.getMessage(), e);
    }
  }

  private static String stateText(String state) {
    return switch (state) {
      case "handled" -> "handled";
      case "parked" -> "given up after repeated failures";
      default -> "waiting to be handled";
    };
  }

  private static final class Builder {
    private String repository;
    private int issue;
    private PlanState state;
    private int maxParallel;
    private Instant labelledAt;
    private Optional<Instant> finishedAt = Optional.empty();
    private final Map<WorkstreamState, Integer> counts = new EnumMap<>(WorkstreamState.class);
    private long seconds;

    void plan(ResultSet r) throws SQLException {
      repository = r.getString(1);
      issue = r.getInt(2);
      state = PlanState.valueOf(r.getString(3));
      maxParallel = r.getInt(4);
      labelledAt = r.getObject(5, OffsetDateTime.class).toInstant();
      finishedAt = Optional.ofNullable(r.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    void workstreams(ResultSet r) throws SQLException {
      counts.merge(WorkstreamState.valueOf(r.getString(3)), r.getInt(4), Integer::sum);
      seconds += r.getLong(5);
    }

    PlanRow build() {
      return new PlanRow(repository, issue, state, maxParallel, labelledAt, finishedAt, counts, Duration.ofSeconds(seconds));
    }
  }
}
