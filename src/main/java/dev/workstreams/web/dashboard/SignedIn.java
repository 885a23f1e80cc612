package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.dashboard.DashboardSession;
import dev.workstreams.adapter.dashboard.GitHubUsers;
import dev.workstreams.adapter.dashboard.ReachableRepository;
import dev.workstreams.adapter.dashboard.SessionStore;
import dev.workstreams.adapter.dashboard.TokenSeal;
import dev.workstreams.adapter.dashboard.Tokens;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is signed in, from the session cookie: the stored session, its repositories asked of GitHub
 * again once they are older than {@link #RECHECK}. A token GitHub refuses ends the session.
 */
final class SignedIn {

  static final String COOKIE = "ws_session";
  static final Duration RECHECK = Duration.ofMinutes(10);
  static final Duration LIFETIME = Duration.ofHours(12);

  private final SessionStore sessions;
  private final GitHubUsers users;
  private final Clock clock;
  private final boolean secureCookies;

  SignedIn(SessionStore sessions, GitHubUsers users, Clock clock, boolean secureCookies) {
    this.sessions = sessions;
    this.users = users;
    this.clock = clock;
    this.secureCookies = secureCookies;
  }

  /** GitHub could not be asked whether the person still reaches their repositories: nothing is shown. */
  static final class ReachUnknown extends RuntimeException {
    ReachUnknown(IOException cause) {
      super("GitHub cannot be reached to check which repositories you can see; try again shortly", cause);
    }
  }

  Optional<DashboardSession> session(Context ctx, TokenSeal seal) {
    String cookie = ctx.cookie(COOKIE);
    if (cookie == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    Optional<DashboardSession> found = sessions.find(Tokens.hash(cookie));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DashboardSession session = found.get();
    Instant now = clock.instant();
    if (session.createdAt().plus(LIFETIME).isBefore(now)) {
      sessions.delete(session.idHash());
      return Optional.empty();
    }
    if (!session.checkedAt().plus(RECHECK).isAfter(now)) {
      try {
        List<ReachableRepository> reach = users.reachableRepositories(token(session, seal));
        session = session.withReach(reach, now);
        sessions.saveReach(session);
      } catch (GitHubUsers.TokenRevoked | IllegalArgumentException revokedOrUnsealable) {
        sessions.delete(session.idHash());
        return Optional.empty();
      } catch (IOException e) {
        throw new ReachUnknown(e);
      }
    }
    return Optional.of(session);
  }

  String token(DashboardSession session, TokenSeal seal) {
    return seal.open(session.sealedToken());
  }

  void start(Context ctx, String sessionId) {
    ctx.addHeader("Set-Cookie", cookie(COOKIE, sessionId, "/", LIFETIME.toSeconds()));
  }

  void end(Context ctx, DashboardSession session) {
    sessions.delete(session.idHash());
    ctx.addHeader("Set-Cookie", cookie(COOKIE, "", "/", 0));
  }

  /** HttpOnly (no script reads it), SameSite=Lax (no other site's form posts with it), Secure behind https. */
  String cookie(String name, String value, String path, long maxAgeSeconds) {
    return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
        + (secureCookies ? "; Secure" : "");
  }
}
