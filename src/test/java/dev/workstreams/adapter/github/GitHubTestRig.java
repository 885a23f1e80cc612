package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import dev.workstreams.adapter.github.http.Sleeper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import dev.workstreams.adapter.github.http.TimedHttpConnector;

/** The GitHub adapter assembled as production does, against WireMock, with time under the test's control. */
public final class GitHubTestRig {

  public static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
  public static final long APP_ID = 4242;

  public final Clock clock;
  public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final GitHubEndpoints endpoints;
  public final PolitePipeline pipeline;
  public final GitHubClients clients;

  public GitHubTestRig(WireMockExtension github, TestKeys keys, Clock clock, Sleeper sleeper, Duration mutationInterval) {
    this.clock = clock;
    this.endpoints = GitHubEndpoints.of(github.baseUrl());
    this.pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(5)), endpoints,
        PolitenessPolicy.withMutationInterval(mutationInterval), clock, sleeper, new GitHubMetrics(registry));
    this.clients = GitHubClients.forApp(AppCredentials.of(APP_ID, keys.pkcs1Pem()), endpoints, pipeline, clock);
  }

  /** Fake time: the sleeper records waits and moves the clock. */
  /** {@code GET path} for an installation, the way production sends every call: raw, through the pipeline. */
  public HttpReply get(long installationId, String path) throws IOException {
    return clients.call(installationId, "GET", endpoints.rest(path), Optional.empty());
  }

  public static GitHubTestRig withFakeTime(WireMockExtension github, TestKeys keys, RecordingSleeper sleeper, FakeClock clock) {
    return new GitHubTestRig(github, keys, clock, sleeper, Duration.ofSeconds(1));
  }

  /** Stubs GitHub's recorded token answer, with the test's token and an expiry one hour from now. */
  public static void stubToken(WireMockExtension github, long installationId, String token, Instant now) {
    github.stubFor(post(urlEqualTo("/app/installations/" + installationId + "/access_tokens"))
        .willReturn(Recordings.answer(Recordings.INSTALLATION_TOKEN)
            .withJsonField("token", token)
            .withJsonField("expires_at", now.plus(Duration.ofHours(1)).toString())
            .response()));
  }
}
