package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RetryRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final String SECONDARY =
      "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again\"}";

  private final RetryRules rules = new RetryRules(PolitenessPolicy.withMutationInterval(Duration.ofSeconds(1)), () -> 0.5);

  @Test
  void successAndOrdinaryRefusalsGoBackAsTheyAre() {
    assertEquals(Optional.empty(), rules.forResponse(200, headers(), "", NOW, 0, 0));
    assertEquals(Optional.empty(), rules.forResponse(404, headers(), "", NOW, 0, 0));
    assertEquals(Optional.empty(), rules.forResponse(422, headers(), "", NOW, 0, 0));
    assertEquals(Optional.empty(), rules.forResponse(403, headers("x-ratelimit-remaining", "4927"),
        "{\"message\":\"Must have push access to view collaborator permission.\"}", NOW, 0, 0));
  }

  @Test
  void retryAfterIsObeyed() {
    assertEquals(Optional.of(new Wait(Duration.ofSeconds(8), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(429, headers("Retry-After", "8"), SECONDARY, NOW, 0, 0));
    assertEquals(Optional.of(new Wait(Duration.ofSeconds(1), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(403, headers("retry-after", "0"), "", NOW, 0, 0));
    assertEquals(Optional.of(new Wait(Duration.ofSeconds(30), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(403, headers("retry-after", "Mon, 02 Nov 2026 10:00:30 GMT"), "", NOW, 0, 0));
  }

  @Test
  void aSecondaryLimitWithoutRetryAfterWaitsAMinuteThenLongerEachTime() {
    assertEquals(Optional.of(new Wait(Duration.ofMinutes(1), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(403, headers("x-ratelimit-remaining", "4000"), SECONDARY, NOW, 0, 0));
    assertEquals(Optional.of(new Wait(Duration.ofMinutes(2), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(403, headers(), SECONDARY, NOW, 1, 0));
    assertEquals(Optional.of(new Wait(Duration.ofMinutes(4), Wait.Cause.SECONDARY_RATE_LIMIT)),
        rules.forResponse(429, headers(), "{}", NOW, 2, 0));
  }

  @Test
  void aPrimaryLimitWaitsUntilTheResetAndASecondMore() {
    UnaryOperator<String> exhausted = headers("x-ratelimit-remaining", "0",
        "x-ratelimit-reset", Long.toString(NOW.plusSeconds(90).getEpochSecond()));

    assertEquals(Optional.of(new Wait(Duration.ofSeconds(91), Wait.Cause.PRIMARY_RATE_LIMIT)),
        rules.forResponse(403, exhausted, "{\"message\":\"API rate limit exceeded\"}", NOW, 0, 0));
  }

  @Test
  void serverErrorsBackOffExponentiallyWithFullJitterUpToTheCap() {
    assertEquals(Duration.ofMillis(500), rules.forResponse(502, headers(), "", NOW, 0, 0).orElseThrow().duration());
    assertEquals(Duration.ofMillis(1000), rules.forResponse(503, headers(), "", NOW, 0, 1).orElseThrow().duration());
    assertEquals(Duration.ofMillis(4000), rules.forResponse(500, headers(), "", NOW, 0, 3).orElseThrow().duration());
    assertEquals(Duration.ofSeconds(15), rules.forResponse(500, headers(), "", NOW, 0, 12).orElseThrow().duration());
    assertEquals(new Wait(Duration.ofMillis(2000), Wait.Cause.CONNECTION_ERROR), rules.forConnectionError(2));
  }

  private static UnaryOperator<String> headers(String... namesAndValues) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map::get;
  }
}
