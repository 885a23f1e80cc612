package dev.workstreams.adapter.github.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Installation tokens, cached per installation and renewed {@link #RENEW_BEFORE} before they
 * expire (they live an hour), so a call never starts with a token about to lapse mid-way (a git
 * push, a paginated listing). At most one request for a new token per installation at a time;
 * different installations do not wait for each other.
 */
public final class InstallationTokens {

  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  /** One installation's token; its monitor serialises renewals for that installation only. */
  private static final class Slot {
    private InstallationToken token;
  }

  private final TokenSource source;
  private final Clock clock;
  private final ConcurrentMap<Long, Slot> slots = new ConcurrentHashMap<>();

  public InstallationTokens(TokenSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** A token valid for at least {@link #RENEW_BEFORE}; for API calls and HTTPS git pushes. */
  public String token(long installationId) throws IOException {
    Slot slot = slots.computeIfAbsent(installationId, id -> new Slot());
    synchronized (slot) {
      if (slot.token == null || !clock.instant().plus(RENEW_BEFORE).isBefore(slot.token.expiresAt())) {
        slot.token = source.create(installationId);
      }
      return slot.token.value();
    }
  }

  /**
   * GitHub answered 401 to {@code token}: it was revoked before its expiry (App suspended or
   * reinstalled, token revoked). Drops it unless another caller has already replaced it, so many
   * calls failing at once fetch one new token, not one each.
   */
  public void refused(long installationId, String token) {
    Slot slot = slots.get(installationId);
    if (slot != null) {
      synchronized (slot) {
        if (slot.token != null && slot.token.value().equals(token)) {
          slot.token = null;
        }
      }
    }
  }

  /** Drops a cached token, for when GitHub says it no longer works (revoked, App reinstalled). */
  public void forget(long installationId) {
    Slot slot = slots.get(installationId);
    if (slot != null) {
      synchronized (slot) {
        slot.token = null;
      }
    }
  }
}
