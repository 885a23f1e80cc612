package dev.workstreams.adapter.github.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.workstreams.adapter.github.WireMockSequences.stubSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimedHttpConnectorIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  @Test
  void aHangingAnswerTimesOutAndIsRetried() throws IOException {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    GitHubEndpoints endpoints = GitHubEndpoints.of(github.baseUrl());
    PolitePipeline pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(2), Duration.ofSeconds(1)),
        endpoints, PolitenessPolicy.withMutationInterval(Duration.ZERO), clock, sleeper, new GitHubMetrics(new SimpleMeterRegistry()));
    stubSequence(github, "GET", "/zen",
        aResponse().withStatus(200).withFixedDelay(5000).withBody("late"),
        aResponse().withStatus(200).withBody("Design for failure."));

    HttpReply reply = new GitHubHttp(pipeline).send(Lane.anonymous(), "GET", endpoints.rest("/zen"), Optional.empty(), Optional.empty());

    assertEquals("Design for failure.", new String(reply.body(), StandardCharsets.UTF_8));
    assertEquals(1, sleeper.waits().size());
  }
}
