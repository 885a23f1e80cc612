package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.github.GHIOException;

class GraphQlClientIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();

  private GraphQlClient graphQl;

  @BeforeEach
  void assemble() {
    FakeClock clock = new FakeClock(GitHubTestRig.START);
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_graphql", clock.instant());
    graphQl = new GraphQlClient(rig.clients);
  }

  @Test
  void marksADraftPullRequestReadyForReview() throws IOException {
    github.stubFor(post(urlEqualTo("/graphql"))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDODFTdCc6_MbEN")))
        .willReturn(Recordings.answer(Recordings.MARK_READY_GRAPHQL).response()));

    graphQl.markPullRequestReadyForReview(7, "PR_kwDODFTdCc6_MbEN");

    github.verify(postRequestedFor(urlEqualTo("/graphql"))
        .withHeader("Authorization", equalTo("token ghs_graphql"))
        .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing(
            "markPullRequestReadyForReview(input: {pullRequestId: $id})"))));
  }

  @Test
  void returnsTheDataOfAnAnswer() throws IOException {
    github.stubFor(post(urlEqualTo("/graphql")).withRequestBody(equalToJson("{\"query\":\"{ viewer { login } }\",\"variables\":{}}"))
        .willReturn(aResponse().withStatus(200).withBody("{\"data\":{\"viewer\":{\"login\":\"workstreams[bot]\"}}}")));

    assertEquals("workstreams[bot]", graphQl.execute(7, "{ viewer { login } }", Map.of()).path("viewer").path("login").asText());
  }

  @Test
  void turnsGraphQlErrorsIntoAnException() {
    github.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(200)
        .withBody("{\"data\":null,\"errors\":[{\"type\":\"NOT_FOUND\",\"message\":\"Could not resolve to a node with the global id of 'PR_x'\"}]}")));

    GHIOException e = assertThrows(GHIOException.class, () -> graphQl.markPullRequestReadyForReview(7, "PR_x"));

    assertEquals("GitHub's GraphQL API refused a request for installation 7: Could not resolve to a node with the global id of 'PR_x'",
        e.getMessage());
  }
}
