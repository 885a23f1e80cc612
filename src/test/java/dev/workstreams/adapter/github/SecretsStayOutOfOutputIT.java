package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.workstreams.adapter.github.WireMockSequences.stubSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A run full of failures (bad keys, a refused token, server errors, both rate limits) leaves no
 * token, JWT or private key in a log line (Logback, and github-api's java.util.logging at its most
 * verbose), an exception message, or the Prometheus scrape.
 */
class SecretsStayOutOfOutputIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();

  private final String token = "ghs_" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(400);
  private final List<String> exceptionTexts = new ArrayList<>();
  private final List<String> julLines = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final java.util.logging.Logger kohsuke = java.util.logging.Logger.getLogger("org.kohsuke.github");
  private final Handler julCapture = new Handler() {
    @Override
    public synchronized void publish(LogRecord record) {
      julLines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " " + throwableText(record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level rootLevel;

  @BeforeEach
  void capture() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
    kohsuke.setLevel(java.util.logging.Level.ALL);
    kohsuke.addHandler(julCapture);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    kohsuke.removeHandler(julCapture);
    kohsuke.setLevel(null);
  }

  @Test
  void noSecretAppearsInLogsExceptionsOrMetrics() {
    FakeClock clock = new FakeClock(GitHubTestRig.START);
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);

    runWithFailures(rig, clock);

    List<String> output = new ArrayList<>(exceptionTexts);
    output.addAll(julLines);
    logs.list.stream().filter(event -> !event.getLoggerName().toLowerCase().contains("wiremock"))
        .forEach(event -> output.add(event.getFormattedMessage() + " " + throwableText(event.getThrowableProxy())));
    output.add(rig.registry.scrape());
    assertTrue(logs.list.stream().anyMatch(event -> event.getLevel() == Level.WARN), "the run logged its retries");
    for (String secret : secrets()) {
      for (String text : output) {
        assertFalse(text.contains(secret), () -> "a secret (" + secret.substring(0, 8) + "…) appears in: " + text);
      }
    }
  }

  /** Bad keys, a refused token, server errors, both rate limits, a failing GraphQL call. */
  private void runWithFailures(GitHubTestRig rig, FakeClock clock) {
    String[] lines = KEYS.pkcs1Pem().split("\n");
    lines[3] = "";
    attempt(() -> AppCredentials.of(1, String.join("\n", lines)));
    attempt(() -> AppCredentials.fromEnvironment(Map.of("APP_ID", "1", "PRIVATE_KEY", KEYS.pkcs1Base64())));
    github.stubFor(post(urlEqualTo("/app/installations/8/access_tokens")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Bad credentials\"}")));
    attempt(() -> rig.get(8, "/repos/octo/hello"));
    attempt(() -> new GraphQlClient(rig.clients).markPullRequestReadyForReview(8, "PR_x"));
    GitHubTestRig.stubToken(github, 7, token, clock.instant());
    stubSequence(github, "GET", "/repos/octo/hello", aResponse().withStatus(502), aResponse().withStatus(500),
        Recordings.answer(Recordings.SECONDARY_LIMIT_403).response(),
        Recordings.answer(Recordings.SECONDARY_LIMIT_429_RETRY_AFTER).response(),
        Recordings.answer(Recordings.REPOSITORY).response());
    attempt(() -> rig.get(7, "/repos/octo/hello"));
    stubSequence(github, "POST", "/repos/octo/hello/issues/1/comments", aResponse().withStatus(503));
    attempt(() -> rig.clients.call(7, "POST", rig.endpoints.rest("/repos/octo/hello/issues/1/comments"), Optional.of("{}")));
    stubSequence(github, "GET", "/repos/octo/limited", Recordings.answer(Recordings.PRIMARY_LIMIT_403)
        .withHeader("X-RateLimit-Reset", Long.toString(clock.instant().plusSeconds(7200).getEpochSecond())).response());
    attempt(() -> rig.get(7, "/repos/octo/limited"));
    github.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(502)));
    attempt(() -> new GraphQlClient(rig.clients).markPullRequestReadyForReview(7, "PR_x"));
    assertEquals(7, exceptionTexts.size(), exceptionTexts::toString);
  }

  /** The token, every JWT GitHub received, the key's base64 and each of its PEM lines. */
  private List<String> secrets() {
    List<String> secrets = new ArrayList<>(List.of(token, KEYS.pkcs1Base64(), KEYS.pkcs8Pem(), KEYS.pkcs1Pem()));
    for (String line : (KEYS.pkcs1Pem() + KEYS.pkcs8Pem()).split("\n")) {
      if (!line.startsWith("-----") && line.length() >= 16) {
        secrets.add(line);
      }
    }
    for (ServeEvent event : github.getAllServeEvents()) {
      String authorization = event.getRequest().getHeader("Authorization");
      if (authorization != null && authorization.startsWith("Bearer ")) {
        secrets.add(authorization.substring("Bearer ".length()));
      }
    }
    assertTrue(secrets.size() > 10, "the run sent JWTs");
    return secrets;
  }

  private interface Step {
    void run() throws Exception;
  }

  private void attempt(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      exceptionTexts.add(throwableText(e));
    }
  }

  private static String throwableText(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append(t).append(' ');
    }
    return text.toString();
  }

  private static String throwableText(IThrowableProxy thrown) {
    StringBuilder text = new StringBuilder();
    for (IThrowableProxy t = thrown; t != null; t = t.getCause()) {
      text.append(t.getClassName()).append(": ").append(t.getMessage()).append(' ');
    }
    return text.toString();
  }
}
