package dev.workstreams.adapter.github.http;

import org.kohsuke.github.GHIOException;

/**
 * GitHub kept answering 5xx, or could not be reached, for one call; the job should be retried
 * later. Extends {@link GHIOException} because github-api passes those through unchanged, where it
 * would wrap any other {@code IOException} in an {@code HttpException} with a vaguer message.
 */
public final class GitHubUnavailableException extends GHIOException {

  public GitHubUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
