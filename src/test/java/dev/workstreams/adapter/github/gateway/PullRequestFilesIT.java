package dev.workstreams.adapter.github.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static dev.workstreams.adapter.github.WireMockSequences.stubSequence;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import dev.workstreams.port.ChangedFile;
import dev.workstreams.port.ChangedFiles;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pull request's files, every page, renames and GitHub's 3,000-file cap; check runs as GitHub takes them. */
class PullRequestFilesIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String RUNS = "/repos/octo/hello/commits/abc123/check-runs";
  private static final String FILES = "/repos/octo/hello/pulls/12/files?per_page=100";
  private final FakeClock clock = new FakeClock(GitHubTestRig.START);
  private RestGitHubGateway gateway;

  @BeforeEach
  void assemble() {
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_files", clock.instant());
    gateway = new RestGitHubGateway(rig.clients, new RepositoryId(7, "octo", "hello"));
  }

  @Test
  void readsEveryPageAndKeepsBothPathsOfARename() throws IOException {
    github.stubFor(get(FILES).willReturn(okJson("""
        [{"filename":"api/a.java","status":"modified"},
         {"filename":"lib/b.java","status":"renamed","previous_filename":"api/b.java"}]""")
        .withHeader("Link", "<" + github.baseUrl() + FILES + "&page=2>; rel=\"next\", <" + github.baseUrl() + FILES + "&page=2>; rel=\"last\"")));
    github.stubFor(get(FILES + "&page=2").willReturn(okJson("[{\"filename\":\"api/c.java\",\"status\":\"added\"}]")));

    ChangedFiles files = gateway.changedFiles(12);

    assertEquals(List.of(ChangedFile.of("api/a.java"), ChangedFile.renamed("api/b.java", "lib/b.java"), ChangedFile.of("api/c.java")),
        files.files());
    assertEquals(List.of("api/a.java", "lib/b.java", "api/b.java", "api/c.java"), files.paths());
    assertTrue(files.complete());
  }

  @Test
  void aListingThatReachesGitHubsCapIsIncompleteAndCostsThirtyPages() throws IOException {
    for (int page = 1; page <= 30; page++) {
      String url = page == 1 ? FILES : FILES + "&page=" + page;
      var answer = okJson(page(page));
      if (page < 30) {
        answer = answer.withHeader("Link", "<" + github.baseUrl() + FILES + "&page=" + (page + 1) + ">; rel=\"next\"");
      }
      github.stubFor(get(url).willReturn(answer));
    }

    ChangedFiles files = gateway.changedFiles(12);

    assertEquals(3_000, files.files().size());
    assertFalse(files.complete());
    github.verify(30, getRequestedFor(urlPathEqualTo("/repos/octo/hello/pulls/12/files")));
  }

  @Test
  void stopsAfterThirtyPagesWhenGitHubOffersMoreAndSaysTheListIsIncomplete() throws IOException {
    github.stubFor(get(urlPathEqualTo("/repos/octo/hello/pulls/12/files")).willReturn(okJson("[{\"filename\":\"a\"}]")
        .withHeader("Link", "<" + github.baseUrl() + FILES + "&page=2>; rel=\"next\"")));

    ChangedFiles files = gateway.changedFiles(12);

    assertFalse(files.complete());
    github.verify(30, getRequestedFor(urlPathEqualTo("/repos/octo/hello/pulls/12/files")));
  }

  @Test
  void postsACompletedCheckRunWithItsConclusionAndOutput() throws IOException {
    github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
    github.stubFor(post("/repos/octo/hello/check-runs").willReturn(okJson("{\"id\":1}").withStatus(201)));

    gateway.reportCheck("abc123", "workstreams/ownership", false, "2 files outside task api", "- `a`\n- `b`\n");

    github.verify(postRequestedFor(urlEqualTo("/repos/octo/hello/check-runs")).withRequestBody(equalToJson("""
        {"name":"workstreams/ownership","head_sha":"abc123","status":"completed","conclusion":"failure",
         "output":{"title":"2 files outside task api","summary":"- `a`\\n- `b`\\n"}}""")));
  }

  @Test
  void updatesTheRunOfTheSameNameAlreadyOnTheCommitInsteadOfAddingOne() throws IOException {
    github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("check_name", equalTo("workstreams/ownership"))
        .willReturn(okJson("{\"total_count\":2,\"check_runs\":[{\"id\":41,\"name\":\"workstreams/ownership\",\"head_sha\":\"abc123\"},"
            + "{\"id\":42,\"name\":\"workstreams/ownership\",\"head_sha\":\"abc123\"}]}")));
    github.stubFor(patch(urlEqualTo("/repos/octo/hello/check-runs/42")).willReturn(okJson("{\"id\":42}")));

    gateway.reportCheck("abc123", "workstreams/ownership", true, "All files inside task api", "ok");

    github.verify(patchRequestedFor(urlEqualTo("/repos/octo/hello/check-runs/42")).withRequestBody(equalToJson("""
        {"name":"workstreams/ownership","status":"completed","conclusion":"success",
         "output":{"title":"All files inside task api","summary":"ok"}}""")));
    github.verify(0, postRequestedFor(urlEqualTo("/repos/octo/hello/check-runs")));
  }

  @Test
  void aCreationWhoseAnswerIsLostIsFoundAndUpdatedRatherThanPostedAgain() throws IOException {
    stubSequence(github, "GET", RUNS, okJson("{\"total_count\":0,\"check_runs\":[]}"),
        okJson("{\"total_count\":1,\"check_runs\":[{\"id\":7,\"name\":\"workstreams/ownership\",\"head_sha\":\"abc123\"}]}"));
    github.stubFor(post("/repos/octo/hello/check-runs").willReturn(aResponse().withStatus(502)));
    github.stubFor(patch(urlEqualTo("/repos/octo/hello/check-runs/7")).willReturn(okJson("{\"id\":7}")));

    gateway.reportCheck("abc123", "workstreams/ownership", false, "1 file outside task api", "- `a`\n");

    github.verify(1, postRequestedFor(urlEqualTo("/repos/octo/hello/check-runs")));
    github.verify(1, patchRequestedFor(urlEqualTo("/repos/octo/hello/check-runs/7")));
  }

  private static String page(int page) {
    return IntStream.range(0, 100).mapToObj(i -> "{\"filename\":\"src/f" + ((page - 1) * 100 + i) + ".java\",\"status\":\"added\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
