package dev.workstreams.adapter.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Dashboard sessions and pending OAuth states in the App's database, so that several instances serve
 * one person. Keys are SHA-256 hashes of the random values the browser holds ({@link Tokens#hash}).
 */
public final class SessionStore {

  private static final String COLUMNS = "id_hash, user_id, login, token_sealed, csrf_token, repositories, created_at, checked_at";

  private final DataSource dataSource;

  public SessionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void create(DashboardSession s) {
    update("INSERT INTO dashboard_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "create a session", st -> {
      st.setString(1, s.idHash());
      st.setLong(2, s.userId());
      st.setString(3, s.login());
      st.setString(4, s.sealedToken());
      st.setString(5, s.csrfToken());
      st.setString(6, lines(s.repositories()));
      st.setObject(7, time(s.createdAt()));
      st.setObject(8, time(s.checkedAt()));
    });
  }

  public Optional<DashboardSession> find(String idHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM dashboard_sessions WHERE id_hash = ?")) {
      s.setString(1, idHash);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a dashboard session: " + e.getMessage(), e);
    }
  }

  /** Records what GitHub said the person reaches now. */
  public void saveReach(DashboardSession s) {
    update("UPDATE dashboard_sessions SET repositories = ?, checked_at = ? WHERE id_hash = ?", "update a session", st -> {
      st.setString(1, lines(s.repositories()));
      st.setObject(2, time(s.checkedAt()));
      st.setString(3, s.idHash());
    });
  }

  public void delete(String idHash) {
    update("DELETE FROM dashboard_sessions WHERE id_hash = ?", "end a session", st -> st.setString(1, idHash));
  }

  /** Sessions created before {@code before} end, whatever their use since (a sign-in lasts a bounded time). */
  public void deleteCreatedBefore(Instant before) {
    update("DELETE FROM dashboard_sessions WHERE created_at < ?", "end old sessions", st -> st.setObject(1, time(before)));
    update("DELETE FROM oauth_states WHERE created_at < ?", "drop old sign-in states", st -> st.setObject(1, time(before)));
  }

  public void addState(String stateHash, Instant at) {
    update("INSERT INTO oauth_states (state_hash, created_at) VALUES (?, ?)", "record a sign-in state", st -> {
      st.setString(1, stateHash);
      st.setObject(2, time(at));
    });
  }

  /** Deletes the state and says whether it existed and was issued at or after {@code notBefore}: each state works once. */
  public boolean consumeState(String stateHash, Instant notBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM oauth_states WHERE state_hash = ? AND created_at >= ?")) {
      s.setString(1, stateHash);
      s.setObject(2, time(notBefore));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check a sign-in state: " + e.getMessage(), e);
    }
  }

  private static DashboardSession read(ResultSet r) throws SQLException {
    String text = r.getString("repositories");
    List<ReachableRepository> repositories = new ArrayList<>();
    if (!text.isEmpty()) {
      text.lines().map(ReachableRepository::parse).forEach(repositories::add);
    }
    return new DashboardSession(r.getString("id_hash"), r.getLong("user_id"), r.getString("login"),
        r.getString("token_sealed"), r.getString("csrf_token"), repositories,
        r.getObject("created_at", OffsetDateTime.class).toInstant(),
        r.getObject("checked_at", OffsetDateTime.class).toInstant());
  }

  private static String lines(List<ReachableRepository> repositories) {
    return String.join("\n", repositories.stream().map(ReachableRepository::line).toList());
  }

  private static OffsetDateTime time(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private void update(String sql, String what, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
