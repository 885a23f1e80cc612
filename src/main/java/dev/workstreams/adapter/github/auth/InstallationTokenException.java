package dev.workstreams.adapter.github.auth;

import org.kohsuke.github.GHIOException;

/**
 * GitHub refused or garbled an installation token. Names the installation and GitHub's reason,
 * never the JWT or a token. A {@link GHIOException} so github-api passes it through unchanged.
 */
public final class InstallationTokenException extends GHIOException {

  public InstallationTokenException(String message) {
    super(message);
  }
}
