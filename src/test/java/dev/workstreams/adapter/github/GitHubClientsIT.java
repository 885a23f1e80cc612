package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workstreams.adapter.github.auth.InstallationTokenException;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Installation clients against WireMock: App JWT, token cache, and no extra App lookups. */
class GitHubClientsIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String TOKENS = "/app/installations/7/access_tokens";

  private final FakeClock clock = new FakeClock(GitHubTestRig.START);
  private GitHubTestRig rig;

  @BeforeEach
  void assemble() {
    rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    github.stubFor(get(urlEqualTo("/repos/octo/hello")).willReturn(Recordings.answer(Recordings.REPOSITORY).response()));
  }

  @Test
  void asksForATokenWithTheAppJwtAndUsesItWithoutLookingTheAppUp() throws IOException {
    GitHubTestRig.stubToken(github, 7, "ghs_first", clock.instant());

    rig.get(7, "/repos/octo/hello");

    LoggedRequest tokenRequest = github.findAll(postRequestedFor(urlEqualTo(TOKENS))).get(0);
    String jwt = tokenRequest.getHeader("Authorization").substring("Bearer ".length());
    Claims claims = Jwts.parser().verifyWith(KEYS.publicKey()).clock(() -> Date.from(clock.instant())).build()
        .parseSignedClaims(jwt).getPayload();
    assertEquals(Long.toString(GitHubTestRig.APP_ID), claims.getIssuer());
    github.verify(getRequestedFor(urlEqualTo("/repos/octo/hello")).withHeader("Authorization", equalTo("token ghs_first")));
    assertEquals(2, github.getAllServeEvents().size(), "only the token and the repository, no GET /app lookups");
  }

  @Test
  void aRevokedTokenIsReplacedOnceAndTheCallTriedAgain() throws IOException {
    WireMockSequences.stubSequence(github, "POST", TOKENS,
        Recordings.answer(Recordings.INSTALLATION_TOKEN).withJsonField("token", "ghs_revoked")
            .withJsonField("expires_at", clock.instant().plus(Duration.ofHours(1)).toString()).response(),
        Recordings.answer(Recordings.INSTALLATION_TOKEN).withJsonField("token", "ghs_fresh")
            .withJsonField("expires_at", clock.instant().plus(Duration.ofHours(1)).toString()).response());
    github.stubFor(get(urlEqualTo("/repos/octo/hello/pulls/1")).withHeader("Authorization", equalTo("token ghs_revoked"))
        .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
    github.stubFor(get(urlEqualTo("/repos/octo/hello/pulls/1")).withHeader("Authorization", equalTo("token ghs_fresh"))
        .willReturn(aResponse().withStatus(200).withBody("{\"number\":1}")));

    assertEquals(200, rig.clients.call(7, "GET", rig.endpoints.rest("/repos/octo/hello/pulls/1"), java.util.Optional.empty()).status());
    assertEquals(200, rig.clients.call(7, "GET", rig.endpoints.rest("/repos/octo/hello/pulls/1"), java.util.Optional.empty()).status());

    github.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    github.verify(3, getRequestedFor(urlEqualTo("/repos/octo/hello/pulls/1")));
  }

  @Test
  void aTokenRefusedAgainIsNotReplacedAgainWithinTheSameCall() throws IOException {
    GitHubTestRig.stubToken(github, 7, "ghs_first", clock.instant());
    github.stubFor(get(urlEqualTo("/repos/octo/hello/pulls/2")).willReturn(aResponse().withStatus(401).withBody("{}")));

    assertEquals(401, rig.clients.call(7, "GET", rig.endpoints.rest("/repos/octo/hello/pulls/2"), java.util.Optional.empty()).status());

    github.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    github.verify(2, getRequestedFor(urlEqualTo("/repos/octo/hello/pulls/2")));
  }

  @Test
  void reusesTheTokenAndRenewsItFiveMinutesBeforeItExpires() throws IOException {
    GitHubTestRig.stubToken(github, 7, "ghs_first", clock.instant());

    rig.get(7, "/repos/octo/hello");
    rig.get(7, "/repos/octo/hello");
    assertEquals("ghs_first", rig.clients.installationToken(7));
    github.verify(1, postRequestedFor(urlEqualTo(TOKENS)));

    clock.advance(Duration.ofMinutes(56));
    GitHubTestRig.stubToken(github, 7, "ghs_second", clock.instant());
    rig.get(7, "/repos/octo/hello");

    github.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    github.verify(1, getRequestedFor(urlEqualTo("/repos/octo/hello")).withHeader("Authorization", equalTo("token ghs_second")));
  }

  @Test
  void concurrentFirstCallsShareOneTokenRequest() throws Exception {
    GitHubTestRig.stubToken(github, 7, "ghs_shared", clock.instant());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> tokens = pool.invokeAll(java.util.Collections.nCopies(6, () -> rig.clients.installationToken(7)));
      for (Future<String> token : tokens) {
        assertEquals("ghs_shared", token.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    github.verify(1, postRequestedFor(urlEqualTo(TOKENS)));
  }

  @Test
  void treatsTokensAsOpaqueStringsOfAnyLength() throws IOException {
    String longToken = "ghs_" + "x".repeat(516);
    GitHubTestRig.stubToken(github, 7, longToken, clock.instant());

    rig.get(7, "/repos/octo/hello");

    github.verify(getRequestedFor(urlPathEqualTo("/repos/octo/hello")).withHeader("Authorization", equalTo("token " + longToken)));
  }

  @Test
  void sendsTheTokenToGitHubOnly() {
    assertThrows(IllegalArgumentException.class,
        () -> rig.clients.call(7, "GET", java.net.URI.create("https://elsewhere.example/repos/octo/hello"), java.util.Optional.empty()));

    assertEquals(0, github.getAllServeEvents().size());
  }

  @Test
  void explainsARefusedTokenWithTheInstallationAndGitHubsReason() {
    github.stubFor(post(urlEqualTo(TOKENS)).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"A JSON web token could not be decoded\",\"documentation_url\":\"https://docs.github.com/rest\"}")));

    InstallationTokenException e = assertThrows(InstallationTokenException.class,
        () -> rig.get(7, "/repos/octo/hello"));

    assertEquals("GitHub refused an installation token for installation 7 of App 4242: HTTP 401 "
        + "A JSON web token could not be decoded", e.getMessage());
    assertTrue(github.findAll(getRequestedFor(urlPathEqualTo("/repos/octo/hello"))).isEmpty());
  }
}
