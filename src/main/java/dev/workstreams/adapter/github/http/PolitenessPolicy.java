package dev.workstreams.adapter.github.http;

import java.time.Duration;

/**
 * How patient the client is with GitHub.
 *
 * @param mutationInterval   least gap between the end of one write and the start of the next, per installation
 * @param maxFailureRetries  retries after 5xx answers or connection errors before the call fails
 * @param backoffBase        first backoff step for failures; it doubles each time (full jitter)
 * @param backoffCap         largest backoff step for failures
 * @param secondaryLimitWait wait after a secondary rate limit without {@code retry-after}; doubles on repeats
 * @param maxTotalWait       the most one call may spend waiting before it fails for the job queue to retry later
 */
public record PolitenessPolicy(
    Duration mutationInterval,
    int maxFailureRetries,
    Duration backoffBase,
    Duration backoffCap,
    Duration secondaryLimitWait,
    Duration maxTotalWait) {

  /**
   * GitHub's documented advice: a secondary limit without {@code retry-after} means "wait at least
   * one minute", growing exponentially on repeats; 15 minutes keeps a job from holding a worker
   * for an hour-long primary reset.
   */
  public static PolitenessPolicy withMutationInterval(Duration mutationInterval) {
    return new PolitenessPolicy(
        mutationInterval, 4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(15));
  }
}
