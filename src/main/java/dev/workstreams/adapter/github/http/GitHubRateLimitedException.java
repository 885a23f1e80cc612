package dev.workstreams.adapter.github.http;

import java.time.Duration;
import org.kohsuke.github.GHIOException;

/**
 * A rate limit asked for a longer wait than one call may spend; the job should be retried after
 * {@link #retryAfter()}. A {@link GHIOException}, like every failure of a GitHub call here.
 */
public final class GitHubRateLimitedException extends GHIOException {

  private final Duration retryAfter;

  public GitHubRateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long GitHub asked to wait, from the moment the call gave up. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
