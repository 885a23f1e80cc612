package dev.workstreams.adapter.github.http;

import org.kohsuke.github.GHIOException;

/**
 * GitHub kept answering 5xx, or could not be reached, for one call; the job should be retried
 * later. A {@link GHIOException}, like every failure of a GitHub call here.
 */
public final class GitHubUnavailableException extends GHIOException {

  public GitHubUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
