package dev.workstreams.adapter.git;

import java.util.function.Supplier;

/**
 * How the app authenticates to a remote. The token is asked for at each operation, because
 * installation tokens live one hour; it is never written to disk or to {@code .git/config}.
 */
public sealed interface GitCredentials {

  /** No credentials: {@code file://} remotes and public mirrors. */
  static GitCredentials none() {
    return new None();
  }

  /** An installation token, sent as the password of the user {@code x-access-token}. */
  static GitCredentials installationToken(Supplier<String> token) {
    return new InstallationToken(token);
  }

  record None() implements GitCredentials {}

  record InstallationToken(Supplier<String> token) implements GitCredentials {
    public InstallationToken {
      if (token == null) {
        throw new IllegalArgumentException("a token supplier is required");
      }
    }

    @Override
    public String toString() {
      return "InstallationToken[***]";
    }
  }
}
