package dev.workstreams.config;

import java.time.Duration;

/**
 * How deliveries are handled after they are stored. Defaults suit production; tests shorten the
 * delays so that a retry or a lease hand-over takes milliseconds.
 *
 * @param workers handler threads on this instance; 0 makes it an intake-only instance
 * @param pollInterval how often the job table is polled for work stored by other instances
 * @param maxAttempts attempts of one delivery before it is parked
 * @param firstRetryDelay delay before the second attempt; each later one doubles it
 * @param maxRetryDelay ceiling of the doubling
 * @param leaseDuration how long a subject lease lasts without renewal (renewed while a handler runs)
 * @param subjectWaitFallback how long a delivery whose subject is busy sleeps unless the handler
 *     freeing the subject wakes it first (it normally does; this covers a handler's instance dying)
 */
public record JobSettings(
    int workers,
    Duration pollInterval,
    int maxAttempts,
    Duration firstRetryDelay,
    Duration maxRetryDelay,
    Duration leaseDuration,
    Duration subjectWaitFallback) {

  /**
   * Heartbeats a job's instance may miss before db-scheduler declares it dead and another instance
   * takes the job. Set explicitly: db-scheduler's own default is six, which made recovery take
   * 180 s instead of the 120 s (one lease) this queue is designed for.
   */
  public static final int MISSED_HEARTBEATS_LIMIT = 4;

  public static JobSettings defaults() {
    return new JobSettings(
        8,
        Duration.ofSeconds(2),
        8,
        Duration.ofSeconds(10),
        Duration.ofMinutes(30),
        Duration.ofMinutes(2),
        Duration.ofSeconds(30));
  }

  public JobSettings {
    if (workers < 0) {
      throw new ConfigException("JOB_WORKERS must be 0 or more, got " + workers);
    }
    if (maxAttempts < 1) {
      throw new ConfigException("JOB_MAX_ATTEMPTS must be at least 1, got " + maxAttempts);
    }
  }

  /**
   * How often a running instance marks its jobs as alive: a quarter of a subject lease (at least a
   * second), so that {@link #deadInstanceRecovery()} is one lease.
   */
  public Duration heartbeatInterval() {
    Duration quarterLease = leaseDuration.dividedBy(MISSED_HEARTBEATS_LIMIT);
    return quarterLease.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarterLease;
  }

  /**
   * How long a job of an instance that died stays with it before another instance runs it:
   * heartbeat × {@link #MISSED_HEARTBEATS_LIMIT} (120 s by default: 30 s × 4).
   */
  public Duration deadInstanceRecovery() {
    return heartbeatInterval().multipliedBy(MISSED_HEARTBEATS_LIMIT);
  }

  /** Delay before attempt {@code failedAttempts + 1}: doubling from the first delay, capped. */
  public Duration retryDelayAfter(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
