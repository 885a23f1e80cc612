package dev.workstreams.adapter.github.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * GitHub's documented answer to each kind of refusal ("Rate limits for the REST API", section
 * "Exceeding the rate limit"), and exponential backoff with full jitter for failures.
 */
final class RetryRules {

  /** {@code x-ratelimit-reset} has one-second resolution; one more second avoids an early retry. */
  private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

  private final PolitenessPolicy policy;
  private final DoubleSupplier jitter;

  /** @param jitter uniform values in [0, 1), for full jitter */
  RetryRules(PolitenessPolicy policy, DoubleSupplier jitter) {
    this.policy = policy;
    this.jitter = jitter;
  }

  /** Rate limits answer 403 or 429; only those bodies need reading. */
  static boolean mayBeRateLimited(int status) {
    return status == 403 || status == 429;
  }

  /**
   * @param header        case-insensitive response header lookup, null when absent
   * @param body          the body text for 403 and 429 answers, else empty
   * @param secondaryHits secondary limits this call has met so far
   * @param failures      5xx answers and connection errors this call has met so far
   * @return nothing when the answer should go to the caller as it is
   */
  Optional<Wait> forResponse(int status, UnaryOperator<String> header, String body, Instant now, int secondaryHits, int failures) {
    if (status >= 500) {
      return Optional.of(new Wait(backoff(failures), Wait.Cause.SERVER_ERROR));
    }
    if (!mayBeRateLimited(status)) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter = retryAfter(header.apply("retry-after"), now);
    if (retryAfter.isPresent()) {
      return Optional.of(new Wait(retryAfter.get(), Wait.Cause.SECONDARY_RATE_LIMIT));
    }
    Optional<Instant> reset = epochSeconds(header.apply("x-ratelimit-reset"));
    if ("0".equals(header.apply("x-ratelimit-remaining")) && reset.isPresent()) {
      Duration untilReset = Duration.between(now, reset.get()).plus(RESET_MARGIN);
      return Optional.of(new Wait(max(untilReset, RESET_MARGIN), Wait.Cause.PRIMARY_RATE_LIMIT));
    }
    if (status == 429 || saysSecondaryLimit(body)) {
      Duration wait = policy.secondaryLimitWait().multipliedBy(1L << Math.min(secondaryHits, 10));
      return Optional.of(new Wait(wait, Wait.Cause.SECONDARY_RATE_LIMIT));
    }
    return Optional.empty();
  }

  Wait forConnectionError(int failures) {
    return new Wait(backoff(failures), Wait.Cause.CONNECTION_ERROR);
  }

  /** Full jitter (uniform between zero and the exponential step) spreads retries of many callers. */
  private Duration backoff(int failures) {
    Duration step = policy.backoffBase().multipliedBy(1L << Math.min(failures, 20));
    Duration capped = step.compareTo(policy.backoffCap()) > 0 ? policy.backoffCap() : step;
    return Duration.ofMillis((long) (capped.toMillis() * jitter.getAsDouble()));
  }

  /** The message GitHub sends; older answers said "abuse detection mechanism". */
  private static boolean saysSecondaryLimit(String body) {
    String text = body.toLowerCase(Locale.ROOT);
    return text.contains("secondary rate limit") || text.contains("abuse detection");
  }

  /** GitHub sends seconds; HTTP also allows a date. A zero wait still waits a second. */
  private static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(max(Duration.ofSeconds(Long.parseLong(value.strip())), Duration.ofSeconds(1)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(max(Duration.between(now, at), Duration.ofSeconds(1)));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
