package dev.workstreams.adapter.github.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.workstreams.adapter.github.WireMockSequences.stubSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.Recordings;
import dev.workstreams.adapter.github.auth.TestKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The polite pipeline under the App's raw calls, against GitHub's recorded answers; time is fake. */
class PolitePipelineIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String REPO = "/repos/octo/hello";
  private static final long INSTALLATION = 7;

  private final FakeClock clock = new FakeClock(GitHubTestRig.START);
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private GitHubTestRig rig;

  @BeforeEach
  void assemble() {
    rig = GitHubTestRig.withFakeTime(github, KEYS, sleeper, clock);
    GitHubTestRig.stubToken(github, INSTALLATION, "ghs_test_token", clock.instant());
  }

  @Test
  void waitsAMinuteAfterASecondaryLimitWithoutRetryAfter() throws IOException {
    stubSequence(github, "GET", REPO,
        Recordings.answer(Recordings.SECONDARY_LIMIT_403).response(),
        Recordings.answer(Recordings.REPOSITORY).response());

    HttpReply repository = rig.get(INSTALLATION, REPO);

    assertEquals("temp-testHandler_Wait_Secondary_Limits", repository.json().get("name").asText());
    assertEquals(List.of(Duration.ofMinutes(1)), sleeper.waits());
    github.verify(2, getRequestedFor(urlPathEqualTo(REPO)));
  }

  @Test
  void waitsAsLongAsRetryAfterSays() throws IOException {
    stubSequence(github, "GET", REPO,
        Recordings.answer(Recordings.SECONDARY_LIMIT_429_RETRY_AFTER).response(),
        Recordings.answer(Recordings.REPOSITORY).response());

    rig.get(INSTALLATION, REPO);

    assertEquals(List.of(Duration.ofSeconds(8)), sleeper.waits());
  }

  @Test
  void waitsForThePrimaryLimitToReset() throws IOException {
    String reset = Long.toString(clock.instant().plusSeconds(120).getEpochSecond());
    stubSequence(github, "GET", REPO,
        Recordings.answer(Recordings.PRIMARY_LIMIT_403).withHeader("X-RateLimit-Reset", reset).response(),
        Recordings.answer(Recordings.REPOSITORY).response());

    rig.get(INSTALLATION, REPO);

    assertEquals(List.of(Duration.ofSeconds(121)), sleeper.waits());
  }

  @Test
  void givesUpWithoutWaitingWhenTheLimitResetsTooLate() {
    String reset = Long.toString(clock.instant().plusSeconds(3600).getEpochSecond());
    stubSequence(github, "GET", REPO,
        Recordings.answer(Recordings.PRIMARY_LIMIT_403).withHeader("X-RateLimit-Reset", reset).response());

    GitHubRateLimitedException e = assertThrows(GitHubRateLimitedException.class,
        () -> rig.get(INSTALLATION, REPO));

    assertEquals("GET /repos/{owner}/{repo} for installation 7 must wait 60m 1s for a primary rate limit, "
        + "longer than the 15m 0s one call may wait; the job should be retried later", e.getMessage());
    assertEquals(Duration.ofSeconds(3601), e.retryAfter());
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void retriesServerErrorsWithJitteredExponentialBackoff() throws IOException {
    stubSequence(github, "GET", REPO,
        aResponse().withStatus(502), aResponse().withStatus(503), Recordings.answer(Recordings.REPOSITORY).response());

    rig.get(INSTALLATION, REPO);

    List<Duration> waits = sleeper.waits();
    assertEquals(2, waits.size());
    assertTrue(waits.get(0).compareTo(Duration.ofSeconds(1)) <= 0, waits.toString());
    assertTrue(waits.get(1).compareTo(Duration.ofSeconds(2)) <= 0, waits.toString());
  }

  @Test
  void failsAfterABoundedNumberOfServerErrors() {
    stubSequence(github, "GET", REPO, aResponse().withStatus(500));

    GitHubUnavailableException e = assertThrows(GitHubUnavailableException.class,
        () -> rig.get(INSTALLATION, REPO));

    assertEquals("GitHub kept failing GET /repos/{owner}/{repo} for installation 7: answered 500 after 5 attempts; "
        + "the job should be retried later", e.getMessage());
    assertEquals(4, sleeper.waits().size());
    github.verify(5, getRequestedFor(urlPathEqualTo(REPO)));
  }

  @Test
  void retriesAConnectionError() throws IOException {
    stubSequence(github, "GET", REPO,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Recordings.answer(Recordings.REPOSITORY).response());

    rig.get(INSTALLATION, REPO);

    assertEquals(1, sleeper.waits().size());
    github.verify(2, getRequestedFor(urlPathEqualTo(REPO)));
  }

  @Test
  void neverSendsACommentAgainAfterItsAnswerWasLost() {
    String comments = REPO + "/issues/7/comments";
    stubSequence(github, "POST", comments, aResponse().withStatus(502), aResponse().withStatus(201).withBody("{\"id\":1}"));

    GitHubAnswerLostException e = assertThrows(GitHubAnswerLostException.class, () -> rig.clients.call(INSTALLATION, "POST",
        rig.endpoints.rest(comments), java.util.Optional.of("{\"body\":\"hi\"}")));

    assertEquals("GitHub's answer to POST /repos/{owner}/{repo}/issues/{number}/comments for installation 7 was lost "
        + "(answered 502); it may have taken effect, so it is not sent again blindly", e.getMessage());
    github.verify(1, postRequestedFor(urlPathEqualTo(comments)));
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void neverSendsACheckRunAgainAfterTheConnectionBrokeWithTheRequestSent() {
    String runs = REPO + "/check-runs";
    stubSequence(github, "POST", runs, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(201));

    assertThrows(GitHubAnswerLostException.class, () -> rig.clients.call(INSTALLATION, "POST", rig.endpoints.rest(runs),
        java.util.Optional.of("{}")));

    github.verify(1, postRequestedFor(urlPathEqualTo(runs)));
  }

  @Test
  void sendsAReferenceAgainSinceGitHubRefusesASecondOne() throws IOException {
    String refs = REPO + "/git/refs";
    stubSequence(github, "POST", refs, aResponse().withStatus(502), aResponse().withStatus(201).withBody("{}"));

    assertEquals(201, rig.clients.call(INSTALLATION, "POST", rig.endpoints.rest(refs), java.util.Optional.of("{}")).status());

    github.verify(2, postRequestedFor(urlPathEqualTo(refs)));
  }

  @Test
  void handsOrdinaryRefusalsToTheCallerAtOnce() throws IOException {
    stubSequence(github, "GET", REPO, Recordings.answer(Recordings.PERMISSION_DENIED_403).response());

    assertEquals(403, rig.get(INSTALLATION, REPO).status());

    assertEquals(List.of(), sleeper.waits());
    github.verify(1, getRequestedFor(urlPathEqualTo(REPO)));
  }

  @Test
  void countsRequestsByRouteAndStatusAndReportsTheRemainingLimit() throws IOException {
    stubSequence(github, "GET", REPO, aResponse().withStatus(502), Recordings.answer(Recordings.REPOSITORY).response());

    rig.get(INSTALLATION, REPO);

    String scrape = rig.registry.scrape();
    assertContains(scrape, "github_requests_total{method=\"GET\",route=\"/repos/{owner}/{repo}\",status=\"200\"} 1.0");
    assertContains(scrape, "github_requests_total{method=\"GET\",route=\"/repos/{owner}/{repo}\",status=\"502\"} 1.0");
    assertContains(scrape,
        "github_requests_total{method=\"POST\",route=\"/app/installations/{installation_id}/access_tokens\",status=\"201\"} 1.0");
    assertContains(scrape, "github_request_duration_seconds_count{method=\"GET\",route=\"/repos/{owner}/{repo}\"} 2");
    assertContains(scrape, "github_ratelimit_remaining{installation=\"7\",resource=\"core\"} 4922.0");
    github.verify(3, anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
  }
}
