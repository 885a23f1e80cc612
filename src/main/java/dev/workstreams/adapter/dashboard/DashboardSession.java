package dev.workstreams.adapter.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in person as the session table holds them. {@code sealedToken} is their user-to-server
 * token sealed by {@link TokenSeal}; {@code toString()} leaves it and the CSRF token out.
 */
public record DashboardSession(String idHash, long userId, String login, String sealedToken, String csrfToken,
    List<ReachableRepository> repositories, Instant createdAt, Instant checkedAt) {

  public DashboardSession {
    repositories = List.copyOf(repositories);
  }

  /** The repository by {@code owner/name} (GitHub compares names without case), when the person reaches it. */
  public Optional<ReachableRepository> reach(String fullName) {
    return repositories.stream().filter(r -> r.fullName().equalsIgnoreCase(fullName)).findFirst();
  }

  public DashboardSession withReach(List<ReachableRepository> now, Instant at) {
    return new DashboardSession(idHash, userId, login, sealedToken, csrfToken, now, createdAt, at);
  }

  @Override
  public String toString() {
    return "DashboardSession[" + login + " (" + userId + "), " + repositories.size() + " repositories, created "
        + createdAt + "]";
  }
}
