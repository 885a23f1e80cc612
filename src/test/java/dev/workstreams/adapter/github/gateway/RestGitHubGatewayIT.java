package dev.workstreams.adapter.github.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.Permission;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway against WireMock: GitHub's "already exists" and "no drafts here" answers are absorbed. */
class RestGitHubGatewayIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private final FakeClock clock = new FakeClock(GitHubTestRig.START);
  private RestGitHubGateway gateway;

  @BeforeEach
  void assemble() {
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_gateway", clock.instant());
    gateway = new RestGitHubGateway(rig.clients, new RepositoryId(7, "octo", "hello"));
  }

  @Test
  void readsMaintainAndTriageFromTheRoleNameAndNoneForStrangers() throws IOException {
    github.stubFor(get("/repos/octo/hello/collaborators/mona/permission")
        .willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\"}")));
    github.stubFor(get("/repos/octo/hello/collaborators/eve/permission")
        .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));

    assertEquals(Permission.MAINTAIN, gateway.permission("mona"));
    assertEquals(Permission.NONE, gateway.permission("eve"));
  }

  @Test
  void createsABranchWithAnEmptyCommitAndAcceptsOneThatExists() throws IOException {
    github.stubFor(post("/repos/octo/hello/git/commits")
        .withRequestBody(equalToJson("{\"message\":\"start\",\"tree\":\"t1\",\"parents\":[\"c1\"]}"))
        .willReturn(okJson("{\"sha\":\"c2\"}").withStatus(201)));
    github.stubFor(post("/repos/octo/hello/git/refs")
        .withRequestBody(equalToJson("{\"ref\":\"refs/heads/workstreams/7-a\",\"sha\":\"c2\"}"))
        .willReturn(aResponse().withStatus(422).withBody("{\"message\":\"Reference already exists\"}")));

    gateway.createBranch("workstreams/7-a", new BranchHead("c1", "t1"), "start");

    github.verify(1, postRequestedFor(urlEqualTo("/repos/octo/hello/git/refs")));
  }

  @Test
  void opensAPlainPullRequestWhereDraftsAreRefused() throws IOException {
    github.stubFor(post("/repos/octo/hello/pulls").withRequestBody(matchingJsonPath("$.draft"))
        .willReturn(aResponse().withStatus(422).withBody(
            "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"Draft pull requests are not supported in this repository.\"}]}")));
    github.stubFor(post("/repos/octo/hello/pulls")
        .withRequestBody(equalToJson("{\"title\":\"T\",\"head\":\"workstreams/7-a\",\"base\":\"main\",\"body\":\"B\"}"))
        .willReturn(okJson("{\"number\":12,\"state\":\"open\",\"title\":\"T\",\"body\":\"B\",\"labels\":[],\"draft\":false}").withStatus(201)));

    ObservedPullRequest pr = gateway.openPullRequest("workstreams/7-a", "main", "T", "B");

    assertEquals(12, pr.number());
    assertEquals(false, pr.draft());
  }

  @Test
  void findsThePullRequestThatAlreadyExistsForTheBranch() throws IOException {
    github.stubFor(post("/repos/octo/hello/pulls").willReturn(aResponse().withStatus(422).withBody(
        "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"A pull request already exists for octo:workstreams/7-a.\"}]}")));
    github.stubFor(get(urlPathEqualTo("/repos/octo/hello/pulls")).withQueryParam("head", equalTo("octo:workstreams/7-a"))
        .willReturn(okJson("[{\"number\":12,\"state\":\"closed\",\"merged_at\":\"2026-11-02T10:00:00Z\",\"title\":\"T\",\"body\":null,\"labels\":[{\"name\":\"merge-order:1\"}]}]")));

    ObservedPullRequest pr = gateway.openPullRequest("workstreams/7-a", "main", "T", "B");

    assertEquals(new ObservedPullRequest(12, ObservedPullRequest.State.MERGED, "T", "", Set.of("merge-order:1"), false), pr);
  }

  @Test
  void followsPaginationWhenListingBranches() throws IOException {
    String page2 = github.baseUrl() + "/repositories/1/git/matching-refs/heads/workstreams/7-?per_page=100&page=2";
    github.stubFor(get("/repos/octo/hello/git/matching-refs/heads/workstreams/7-?per_page=100")
        .willReturn(okJson("[{\"ref\":\"refs/heads/workstreams/7-a\"}]").withHeader("Link", "<" + page2 + ">; rel=\"next\"")));
    github.stubFor(get("/repositories/1/git/matching-refs/heads/workstreams/7-?per_page=100&page=2")
        .willReturn(okJson("[{\"ref\":\"refs/heads/workstreams/7-b\"}]")));

    assertEquals(Set.of("workstreams/7-a", "workstreams/7-b"), gateway.branchesStartingWith("workstreams/7-"));
  }

  @Test
  void treatsExistingLabelsAndMissingLabelsAsDone() throws IOException {
    github.stubFor(post("/repos/octo/hello/labels").willReturn(aResponse().withStatus(422)
        .withBody("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Label\",\"code\":\"already_exists\",\"field\":\"name\"}]}")));
    github.stubFor(delete("/repos/octo/hello/issues/12/labels/merge-order%3A2")
        .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Label does not exist\"}")));

    gateway.ensureLabel("merge-order:1", "0e8a16", "Merge first");
    gateway.removeLabel(12, "merge-order:2");
  }

  @Test
  void findsOnlyTheBotsCommentsByMarker() throws IOException {
    github.stubFor(get("/repos/octo/hello/issues/7/comments?per_page=100").willReturn(okJson("""
        [{"id":1,"body":"<!-- workstreams:tracking --> copied by a person","user":{"type":"User"}},
         {"id":2,"body":"<!-- workstreams:tracking -->\\nours","user":{"type":"Bot"}},
         {"id":3,"body":"unrelated","user":{"type":"Bot"}}]""")));

    assertEquals(List.of(2L), gateway.commentsWithMarker(7, "<!-- workstreams:tracking -->").stream().map(c -> c.id()).toList());
  }

  @Test
  void readsTheTreeAndSaysWhenItIsTruncated() throws IOException {
    github.stubFor(get("/repos/octo/hello/git/trees/t1?recursive=1").willReturn(okJson("""
        {"sha":"t1","truncated":true,"tree":[{"path":"src","type":"tree"},{"path":"src/a.java","type":"blob"}]}""")));

    var tree = gateway.tree("t1");

    assertEquals(List.of("src/a.java"), tree.paths());
    assertTrue(tree.truncated());
  }

  @Test
  void escapesNamesInPathsAndKeepsTheSlashesOfBranchesAndFilePaths() throws IOException {
    github.stubFor(get("/repos/octo/hello/branches/fix/%2312%20100%25%3F").willReturn(okJson(
        "{\"commit\":{\"sha\":\"c1\",\"commit\":{\"tree\":{\"sha\":\"t1\"}}}}")));
    github.stubFor(get("/repos/octo/hello/contents/docs/a%20b.md?ref=fix%2F%2312").willReturn(okJson("{\"content\":\"aGk=\"}")));
    github.stubFor(get("/repos/octo/hello/collaborators/dependabot%5Bbot%5D/permission")
        .willReturn(okJson("{\"permission\":\"read\",\"role_name\":\"read\"}")));
    github.stubFor(delete("/repos/octo/hello/issues/12/labels/needs%20review%3F").willReturn(okJson("[]")));

    assertEquals("c1", gateway.branch("fix/#12 100%?").orElseThrow().commitSha());
    assertEquals(java.util.Optional.of("hi"), gateway.file("docs/a b.md", "fix/#12"));
    assertEquals(Permission.READ, gateway.permission("dependabot[bot]"));
    gateway.removeLabel(12, "needs review?");
  }

  @Test
  void aCommentWhoseAnswerIsLostIsFoundByItsBodyInsteadOfPostedAgain() throws IOException {
    github.stubFor(post("/repos/octo/hello/issues/7/comments").willReturn(aResponse().withStatus(502)));
    github.stubFor(get("/repos/octo/hello/issues/7/comments?per_page=100").willReturn(okJson("""
        [{"id":41,"body":"<!-- workstreams:reply 9 -->\\nolder","user":{"type":"Bot"}},
         {"id":42,"body":"<!-- workstreams:reply 9 -->\\nhello","user":{"type":"Bot"}}]""")));

    assertEquals(42L, gateway.comment(7, "<!-- workstreams:reply 9 -->\nhello").id());

    github.verify(1, postRequestedFor(urlEqualTo("/repos/octo/hello/issues/7/comments")));
  }

  @Test
  void aCommentWhoseAnswerIsLostAndThatDidNotLandIsPostedOnceMore() throws IOException {
    dev.workstreams.adapter.github.WireMockSequences.stubSequence(github, "POST", "/repos/octo/hello/issues/7/comments",
        aResponse().withStatus(502), aResponse().withStatus(201).withBody("{\"id\":43,\"body\":\"x\"}"));
    github.stubFor(get("/repos/octo/hello/issues/7/comments?per_page=100").willReturn(okJson("[]")));

    assertEquals(43L, gateway.comment(7, "x").id());

    github.verify(2, postRequestedFor(urlEqualTo("/repos/octo/hello/issues/7/comments")));
  }

  @Test
  void anUnexpectedRefusalCarriesTheRouteStatusAndMessage() {
    github.stubFor(post("/repos/octo/hello/issues/12/labels").willReturn(aResponse().withStatus(403)
        .withBody("{\"message\":\"Resource not accessible by integration\"}")));

    GitHubCallFailed failure = assertThrows(GitHubCallFailed.class, () -> gateway.addLabel(12, "merge-order:1"));

    assertEquals("POST /repos/octo/hello/issues/12/labels answered 403: Resource not accessible by integration", failure.getMessage());
  }
}
