package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.dashboard.DashboardSession;
import dev.workstreams.adapter.dashboard.GitHubUsers;
import dev.workstreams.adapter.dashboard.OAuthClient;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sign in with GitHub": the App's OAuth web flow. The {@code state} sent to GitHub is random, kept
 * (hashed) in the database and in a short-lived cookie of this browser; the callback accepts it only
 * when both match and the stored one was never used, so a forged, foreign or replayed state is refused.
 */
final class SignIn {

  private static final Logger log = LoggerFactory.getLogger(SignIn.class);
  static final String STATE_COOKIE = "ws_oauth_state";
  static final String CALLBACK = "/login/callback";
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private final SessionStore sessions;
  private final GitHubUsers users;
  private final SignedIn signedIn;
  private final Tokens tokens;
  private final Clock clock;
  private final Optional<String> publicUrl;

  SignIn(SessionStore sessions, GitHubUsers users, SignedIn signedIn, Tokens tokens, Clock clock, Optional<String> publicUrl) {
    this.sessions = sessions;
    this.users = users;
    this.signedIn = signedIn;
    this.tokens = tokens;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  void start(Context ctx, OAuthClient client) {
    String state = tokens.next();
    sessions.addState(Tokens.hash(state), clock.instant());
    ctx.addHeader("Set-Cookie", signedIn.cookie(STATE_COOKIE, state, CALLBACK, STATE_LIFETIME.toSeconds()));
    ctx.redirect(users.authorizeUrl(client, state, redirectUri(ctx)).toString());
  }

  /** @return the new session's id for the cookie, or empty when the sign-in is refused (already answered) */
  void callback(Context ctx, OAuthClient client, TokenSeal seal) throws IOException {
    String state = ctx.queryParam("state");
    String code = ctx.queryParam("code");
    String held = ctx.cookie(STATE_COOKIE);
    ctx.addHeader("Set-Cookie", signedIn.cookie(STATE_COOKIE, "", CALLBACK, 0));
    Instant now = clock.instant();
    if (state == null || code == null || !Tokens.same(held, state)
        || !sessions.consumeState(Tokens.hash(state), now.minus(STATE_LIFETIME))) {
      log.warn("dashboard sign-in refused: missing, foreign or reused OAuth state");
      Pages.refuse(ctx, 400, "Sign-in refused", "This sign-in link is not valid any more (it was used already, "
          + "expired, or was started in another browser). Start again from the sign-in page.");
      return;
    }
    Optional<String> token = users.exchange(client, code, redirectUri(ctx));
    if (token.isEmpty()) {
      Pages.refuse(ctx, 400, "Sign-in refused", "GitHub did not accept the sign-in code. Start again from the sign-in page.");
      return;
    }
    GitHubUsers.User user = users.user(token.get());
    List<ReachableRepository> reach = users.reachableRepositories(token.get());
    String sessionId = tokens.next();
    sessions.create(new DashboardSession(Tokens.hash(sessionId), user.id(), user.login(), seal.seal(token.get()),
        tokens.next(), reach, now, now));
    sessions.deleteCreatedBefore(now.minus(SignedIn.LIFETIME));
    log.info("dashboard: {} signed in, reaching {} repositories", user.login(), reach.size());
    signedIn.start(ctx, sessionId);
    ctx.redirect("/");
  }

  private String redirectUri(Context ctx) {
    String base = publicUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    return base.replaceAll("/+$", "") + CALLBACK;
  }
}
