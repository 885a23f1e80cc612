package dev.workstreams.adapter.github.setup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code state} values of the manifest flow: random, single-use, expiring. They tie GitHub's
 * redirect back to a setup this server started, so nobody can feed it an App code of their own
 * (GitHub's manifest flow documents {@code state} for this; Probot's flow omits it).
 */
public final class SetupStates {

  /** GitHub's manifest codes live one hour; a state need not outlive its code. */
  static final Duration LIFETIME = Duration.ofHours(1);
  /** Setup pages are public: bound the memory unauthenticated visits can take. */
  static final int MAX_OUTSTANDING = 1000;

  private final Clock clock;
  private final SecureRandom random;
  /** Oldest first; guarded by {@code this}. */
  private final Map<String, Instant> outstanding = new LinkedHashMap<>();

  public SetupStates(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A new state: 256 random bits, URL-safe. */
  public synchronized String issue() {
    dropExpired();
    while (outstanding.size() >= MAX_OUTSTANDING) {
      Iterator<String> oldest = outstanding.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    outstanding.put(state, clock.instant().plus(LIFETIME));
    return state;
  }

  /** Whether {@code state} was issued here and is still valid; either way it cannot be used again. */
  public synchronized boolean consume(String state) {
    dropExpired();
    return state != null && outstanding.remove(state) != null;
  }

  private void dropExpired() {
    Instant now = clock.instant();
    outstanding.values().removeIf(expiry -> !now.isBefore(expiry));
  }
}
