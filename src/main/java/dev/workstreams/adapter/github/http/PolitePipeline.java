package dev.workstreams.adapter.github.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way requests reach GitHub: paces writes per installation, waits out rate limits as
 * GitHub documents, retries failures with backoff, and counts every exchange. A write that would
 * create a second copy when repeated ({@link RepeatableCalls}) is never retried after its answer
 * was lost: it fails with {@link GitHubAnswerLostException} for the caller to look first. Every
 * call is a raw one through {@link GitHubHttp}, with no github-api client above it, so this is the
 * only policy; it never returns a rate-limit answer, it waits or throws.
 */
public final class PolitePipeline {

  private static final Logger log = LoggerFactory.getLogger(PolitePipeline.class);
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final GitHubConnector delegate;
  private final PolitenessPolicy policy;
  private final Clock clock;
  private final GitHubMetrics metrics;
  private final RouteTemplates routes;
  private final RetryRules rules;
  private final LaneStates lanes;

  public PolitePipeline(GitHubConnector delegate, GitHubEndpoints endpoints, PolitenessPolicy policy,
      Clock clock, Sleeper sleeper, GitHubMetrics metrics) {
    this(delegate, endpoints, policy, clock, sleeper, metrics, () -> ThreadLocalRandom.current().nextDouble());
  }

  PolitePipeline(GitHubConnector delegate, GitHubEndpoints endpoints, PolitenessPolicy policy,
      Clock clock, Sleeper sleeper, GitHubMetrics metrics, DoubleSupplier jitter) {
    this.delegate = delegate;
    this.policy = policy;
    this.clock = clock;
    this.metrics = metrics;
    this.routes = new RouteTemplates(endpoints.apiBasePath());
    this.rules = new RetryRules(policy, jitter);
    this.lanes = new LaneStates(clock, sleeper, policy.mutationInterval());
  }

  /**
   * The production setup: {@code java.net.http} with a 10 s connect and 60 s answer timeout
   * underneath, real sleeping.
   */
  public static PolitePipeline overHttpClient(GitHubEndpoints endpoints, PolitenessPolicy policy, Clock clock, GitHubMetrics metrics) {
    TimedHttpConnector connector = new TimedHttpConnector(Duration.ofSeconds(10), Duration.ofSeconds(60));
    return new PolitePipeline(connector, endpoints, policy, clock, Sleeper.threadSleep(), metrics);
  }

  GitHubConnectorResponse send(Lane lane, GitHubConnectorRequest request) throws IOException {
    String method = request.method().toUpperCase(Locale.ROOT);
    String route = routes.template(request.url());
    CallState call = new CallState(lane, method, route, RepeatableCalls.mayRepeat(method, route));
    boolean write = WRITES.contains(method);
    if (write && lane.pacesWrites()) {
      return lanes.exclusiveWrite(lane, () -> withRetries(call, request, true));
    }
    return withRetries(call, request, write);
  }

  /** Reads a write's answer to its end so that the gap to the next write starts after it. */
  private GitHubConnectorResponse withRetries(CallState call, GitHubConnectorRequest request, boolean readToEnd)
      throws IOException {
    while (true) {
      Duration paused = lanes.remainingPause(call.lane);
      if (exceedsBudget(call, paused)) {
        throw rateLimited(call, new Wait(paused, Wait.Cause.EARLIER_RATE_LIMIT));
      }
      call.waited = call.waited.plus(lanes.awaitPause(call.lane));
      Attempt attempt = attempt(call, request, readToEnd);
      if (attempt.retry().isEmpty()) {
        return attempt.response();
      }
      attempt.discard();
      waitBeforeRetry(call, attempt);
    }
  }

  private Attempt attempt(CallState call, GitHubConnectorRequest request, boolean readToEnd) throws IOException {
    long started = System.nanoTime();
    GitHubConnectorResponse response;
    try {
      response = delegate.send(request);
    } catch (IOException e) {
      metrics.exchange(call.method, call.route, "error", Duration.ofNanos(System.nanoTime() - started));
      if (e.getClass() == InterruptedIOException.class || Thread.currentThread().isInterrupted()) {
        throw e;
      }
      return new Attempt(null, e, Optional.of(rules.forConnectionError(call.failures)));
    }
    int status = response.statusCode();
    metrics.exchange(call.method, call.route, Integer.toString(status), Duration.ofNanos(System.nanoTime() - started));
    noteRateLimit(call.lane, response);
    String body = "";
    if (readToEnd || RetryRules.mayBeRateLimited(status)) {
      BufferedResponse buffered = BufferedResponse.of(response);
      body = RetryRules.mayBeRateLimited(status) ? buffered.bodyText() : "";
      response = buffered;
    }
    Optional<Wait> wait = rules.forResponse(status, response::header, body, clock.instant(), call.secondaryHits, call.failures);
    return new Attempt(response, null, wait);
  }

  private void waitBeforeRetry(CallState call, Attempt attempt) throws IOException {
    Wait wait = attempt.retry().orElseThrow();
    if (wait.isRateLimit()) {
      if (wait.cause() == Wait.Cause.SECONDARY_RATE_LIMIT) {
        call.secondaryHits++;
      }
      if (exceedsBudget(call, wait.duration())) {
        throw rateLimited(call, wait);
      }
      lanes.pause(call.lane, clock.instant().plus(wait.duration()));
    } else {
      if (!call.repeatable && attempt.mayHaveReachedGitHub()) {
        throw new GitHubAnswerLostException("GitHub's answer to " + call.describe() + " was lost (" + attempt.outcome()
            + "); it may have taken effect, so it is not sent again blindly", attempt.error());
      }
      call.failures++;
      if (call.failures > policy.maxFailureRetries() || exceedsBudget(call, wait.duration())) {
        throw new GitHubUnavailableException("GitHub kept failing " + call.describe() + ": " + attempt.outcome()
            + " after " + call.failures + " attempts; the job should be retried later", attempt.error());
      }
    }
    log.warn("{}: GitHub {} ({}); retrying in {}", call.describe(), attempt.outcome(), wait.cause().words(),
        Durations.describe(wait.duration()));
    lanes.sleep(wait.duration());
    call.waited = call.waited.plus(wait.duration());
  }

  private boolean exceedsBudget(CallState call, Duration next) {
    return call.waited.plus(next).compareTo(policy.maxTotalWait()) > 0;
  }

  private GitHubRateLimitedException rateLimited(CallState call, Wait wait) {
    return new GitHubRateLimitedException(call.describe() + " must wait " + Durations.describe(wait.duration())
        + " for a " + wait.cause().words() + ", longer than the " + Durations.describe(policy.maxTotalWait())
        + " one call may wait; the job should be retried later", wait.duration());
  }

  private void noteRateLimit(Lane lane, GitHubConnectorResponse response) {
    String remaining = response.header("x-ratelimit-remaining");
    if (remaining == null) {
      return;
    }
    String resource = Optional.ofNullable(response.header("x-ratelimit-resource")).orElse("core");
    try {
      metrics.rateLimitRemaining(lane, resource, Long.parseLong(remaining.strip()));
    } catch (NumberFormatException ignored) {
      // A malformed header says nothing about the limit; the next answer will.
    }
  }
}
