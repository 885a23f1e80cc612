package dev.workstreams.adapter.github.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A renamed repository answers with its new address: same host followed with the token, anything else handed back. */
class GitHubHttpRedirectsIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final Optional<String> TOKEN = Optional.of("token ghs_test");

  private final FakeClock clock = new FakeClock(java.time.Instant.parse("2026-11-02T10:00:00Z"));
  private final GitHubHttp http = new GitHubHttp(new PolitePipeline(
      new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(5)), GitHubEndpoints.of(github.baseUrl()),
      PolitenessPolicy.withMutationInterval(Duration.ZERO), clock, new RecordingSleeper(clock),
      new GitHubMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))));

  private URI url(String path) {
    return URI.create(github.baseUrl() + path);
  }

  @Test
  void followsAPermanentRedirectOfAReadWithTheToken() throws IOException {
    github.stubFor(get("/repos/octo/old/pulls/1").willReturn(aResponse().withStatus(301)
        .withHeader("Location", github.baseUrl() + "/repositories/42/pulls/1")));
    github.stubFor(get("/repositories/42/pulls/1").withHeader("Authorization", equalTo("token ghs_test"))
        .willReturn(okJson("{\"number\":1}")));

    HttpReply reply = http.send(Lane.installation(7), "GET", url("/repos/octo/old/pulls/1"), TOKEN, Optional.empty());

    assertEquals(200, reply.status());
  }

  @Test
  void aTemporaryRedirectRepeatsTheMethodAndTheBody() throws IOException {
    github.stubFor(post("/repos/octo/old/issues/1/comments").willReturn(aResponse().withStatus(307)
        .withHeader("Location", "/repositories/42/issues/1/comments")));
    github.stubFor(post("/repositories/42/issues/1/comments").willReturn(aResponse().withStatus(201).withBody("{\"id\":5}")));

    HttpReply reply = http.send(Lane.installation(7), "POST", url("/repos/octo/old/issues/1/comments"), TOKEN,
        Optional.of("{\"body\":\"hi\"}"));

    assertEquals(201, reply.status());
    github.verify(postRequestedFor(urlEqualTo("/repositories/42/issues/1/comments"))
        .withHeader("Authorization", equalTo("token ghs_test")).withRequestBody(equalToJson("{\"body\":\"hi\"}")));
  }

  @Test
  void aWriteAnswered301IsHandedBackNotTurnedIntoARead() throws IOException {
    github.stubFor(post("/repos/octo/old/labels").willReturn(aResponse().withStatus(301)
        .withHeader("Location", "/repositories/42/labels")));

    assertEquals(301, http.send(Lane.installation(7), "POST", url("/repos/octo/old/labels"), TOKEN, Optional.of("{}")).status());
  }

  @Test
  void anotherHostIsNeverFollowedSoTheTokenStaysHome() throws IOException {
    github.stubFor(get("/repos/octo/old").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://elsewhere.invalid:" + github.getPort() + "/repos/octo/new")));

    assertEquals(302, http.send(Lane.installation(7), "GET", url("/repos/octo/old"), TOKEN, Optional.empty()).status());
    github.verify(1, getRequestedFor(urlEqualTo("/repos/octo/old")).withHeader("Authorization", equalTo("token ghs_test")));
  }

  @Test
  void aLoopOfRedirectsEndsAfterABoundedNumberOfHops() throws IOException {
    github.stubFor(get("/repos/octo/a").willReturn(aResponse().withStatus(301).withHeader("Location", "/repos/octo/b")));
    github.stubFor(get("/repos/octo/b").willReturn(aResponse().withStatus(301).withHeader("Location", "/repos/octo/a")));

    assertEquals(301, http.send(Lane.anonymous(), "GET", url("/repos/octo/a"), Optional.empty(), Optional.empty()).status());
    int hops = github.findAll(getRequestedFor(urlEqualTo("/repos/octo/a"))).size()
        + github.findAll(getRequestedFor(urlEqualTo("/repos/octo/b"))).size();
    assertEquals(1 + GitHubHttp.MAX_REDIRECTS, hops);
  }
}
