package dev.workstreams.adapter.github.auth;

import java.time.Instant;

/**
 * A token acting as the App on one installation. Opaque: GitHub announced longer, stateless
 * tokens, so nothing may assume a length or prefix. {@link #toString()} hides the value.
 */
public record InstallationToken(String value, Instant expiresAt) {

  @Override
  public String toString() {
    return "InstallationToken[value=(hidden), expiresAt=" + expiresAt + "]";
  }
}
