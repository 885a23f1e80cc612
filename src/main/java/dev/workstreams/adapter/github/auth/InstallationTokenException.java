package dev.workstreams.adapter.github.auth;

import org.kohsuke.github.GHIOException;

/**
 * GitHub refused or garbled an installation token. Names the installation and GitHub's reason,
 * never the JWT or a token. A {@link GHIOException}, like every failure of a GitHub call here.
 */
public final class InstallationTokenException extends GHIOException {

  public InstallationTokenException(String message) {
    super(message);
  }
}
