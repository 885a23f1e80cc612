package dev.workstreams.workflow.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.e2e.PlanEvents;
import dev.workstreams.e2e.PullRequestEvents;
import dev.workstreams.port.IssueComment;
import dev.workstreams.testing.Events;
import dev.workstreams.workflow.plans.PlanFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepIntegrationCurrentTest {

  static final String PLAN = """
      ```plan
      tasks:
        - id: api
          title: API
          owns: [src/api/**]
        - id: ui
          title: UI
          owns: [src/ui/**]
          depends_on: []
        - id: docs
          title: Docs
          owns: [docs/**]
      ```
      """;

  final PlanFixture fixture = new PlanFixture();
  final FakeIntegrationBranches git = new FakeIntegrationBranches();
  int api;
  int ui;
  int docs;

  @BeforeEach
  void planWithThreeOpenWorkstreams() throws Exception {
    PreviewWorkflows.register(fixture.router, fixture.store, fixture.github, fixture.configs, git, BaseConflicts.REPORT);
    fixture.labelled(PLAN, "plan", "writer");
    api = fixture.pullRequestOf("api");
    ui = fixture.pullRequestOf("ui");
    docs = fixture.pullRequestOf("docs");
    git.tip("main", "base1").tip("workstreams/7-api", "api1").tip("workstreams/7-ui", "ui1").tip("workstreams/7-docs", "docs1")
        .conflict("api1", "ui1", "package-lock.json");
  }

  @Test
  void aConflictingPairGetsOneCommentOnEachPullRequestAndALineInTheTrackingComment() throws Exception {
    pushed(api);

    String onApi = radarComment(api).orElseThrow();
    assertTrue(onApi.startsWith(Markers.CONFLICT + "\n"), onApi);
    assertTrue(onApi.contains("`ui` (#" + ui + ", at `ui1`): `package-lock.json`"), onApi);
    assertTrue(radarComment(ui).orElseThrow().contains("`api` (#" + api + ", at `api1`): `package-lock.json`"));
    assertEquals(Optional.empty(), radarComment(docs), "a pull request never in conflict gets no comment");
    String tracking = fixture.plan().trackingCommentBody();
    assertTrue(tracking.contains("**Conflicts**"), tracking);
    assertTrue(tracking.contains("- `api` (#" + api + ") and `ui` (#" + ui + "): `package-lock.json`"), tracking);
  }

  @Test
  void aRedeliveryOrAnotherEventWithTheSameHeadsWritesNothing() throws Exception {
    pushed(api);
    int writes = fixture.github.writes().size();
    pushed(api);
    pushed(docs);
    assertEquals(writes, fixture.github.writes().size(), fixture.github.writes().toString());
    assertEquals(1, fixture.github.pullRequests().stream().filter(this::isPreview).count());
  }

  @Test
  void aNewHeadPairEditsTheCommentAndAResolvedConflictSaysSo() throws Exception {
    pushed(api);
    git.tip("workstreams/7-api", "api2").conflict("api2", "ui1", "package-lock.json");
    pushed(api);
    assertTrue(radarComment(ui).orElseThrow().contains("at `api2`"));

    git.tip("workstreams/7-ui", "ui2");
    pushed(ui);
    assertTrue(radarComment(api).orElseThrow().contains("the conflicts reported here are gone"));
    assertTrue(radarComment(ui).orElseThrow().contains("the conflicts reported here are gone"));
    assertEquals(1, fixture.github.commentsWithMarker(api, Markers.CONFLICT).size());
    assertFalse(fixture.plan().trackingCommentBody().contains("**Conflicts**"));
  }

  @Test
  void aConflictWithTheBaseIsReportedUnlessRevisionsTakeIt() throws Exception {
    git.conflict("docs1", "base1", "README.md");
    pushed(docs);
    assertTrue(radarComment(docs).orElseThrow().contains("the base branch `main` (at `base1`): `README.md`"));
    assertTrue(fixture.plan().trackingCommentBody().contains("- `docs` (#" + docs + ") and the base `main`: `README.md`"));
  }

  @Test
  void thePreviewHoldsTheReadyWorkstreamsInMergeOrderAndNamesTheOneLeftOut() throws Exception {
    pushed(api);

    ObservedPullRequest preview = preview();
    assertEquals("Preview: plan #7 with 2 workstreams", preview.title());
    assertTrue(preview.draft());
    assertTrue(fixture.github.labelsOn(preview.number()).contains("workstreams:preview"));
    assertTrue(preview.body().contains("- `api` #" + api + " at `api1`"), preview.body());
    assertTrue(preview.body().contains("- `ui` #" + ui + " at `ui1`: conflicts at `package-lock.json`"), preview.body());
    assertTrue(preview.body().contains("Never merge this pull request"), preview.body());
    assertEquals(List.of(List.of("api@api1", "docs@docs1", "ui@ui1")), git.builds);
    assertTrue(fixture.plan().trackingCommentBody().contains(
        "**Preview** #" + preview.number() + " (never to be merged): `api`, `docs`; left out: `ui`."));
  }

  @Test
  void thePreviewIsRebuiltWhenAWorkstreamMovesAndClosedWithItsBranchWhenEveryOneIsMerged() throws Exception {
    pushed(api);
    int number = preview().number();
    git.tip("workstreams/7-ui", "ui2");
    pushed(ui);
    assertEquals(2, git.builds.size());
    assertEquals("Preview: plan #7 with 3 workstreams", fixture.github.pullRequest(number).title());

    fixture.closed(api, true);
    assertEquals(List.of("docs@docs1", "ui@ui2"), git.builds.get(2), "merged workstreams leave the preview");
    fixture.closed(docs, true);
    fixture.closed(ui, true);

    assertFalse(fixture.github.pullRequest(number).open());
    assertEquals(List.of("workstreams/7-preview"), git.deleted);
    assertEquals(1, fixture.github.pullRequests().stream().filter(this::isPreview).count(), "never a second preview");
    assertTrue(fixture.plan().trackingCommentBody().contains("**Preview** #" + number + ": closed."));
  }

  @Test
  void cancellingThePlanClosesThePreview() throws Exception {
    pushed(api);
    int number = preview().number();
    fixture.unlabelled(PLAN, "plan", "writer");
    assertFalse(fixture.github.pullRequest(number).open());
    assertEquals(List.of("workstreams/7-preview"), git.deleted);
  }

  @Test
  void repositoryConfigCanTurnThePreviewOff() throws Exception {
    fixture.configs.answering(new RepoConfigResult.Valid(new RepoConfig("plan", 4, Optional.empty(), List.of(),
        dev.workstreams.core.config.Enforcement.COMMENT, RepoConfig.DEFAULT_PROTECTED, Optional.of(false))));
    pushed(api);
    assertEquals(0, fixture.github.pullRequests().stream().filter(this::isPreview).count());
    assertTrue(radarComment(api).isPresent(), "the radar stays on");
  }

  @Test
  void aPersonWhoMergesThePreviewGetsOneWarningAndNoSecondPreviewOpens() throws Exception {
    pushed(api);
    int number = preview().number();
    fixture.github.close(number, true);
    byte[] merged = previewClosedByMerge(number);
    fixture.router.route(Events.context("pull_request", merged));
    fixture.router.route(Events.context("pull_request", merged));
    git.tip("workstreams/7-docs", "docs2");
    pushed(docs);

    assertEquals(1, fixture.github.commentsWithMarker(number, Markers.PREVIEW_MERGED).size());
    assertTrue(fixture.github.commentsWithMarker(number, Markers.PREVIEW_MERGED).get(0).body()
        .contains("merged one by one"));
    assertEquals(1, fixture.github.pullRequests().stream().filter(this::isPreview).count());
  }

  @Test
  void aPullRequestAPersonOpenedFromThePreviewBranchIsNotThePreview() throws Exception {
    pushed(api);
    int number = preview().number();
    byte[] forged = previewClosedByMerge(number);
    ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(forged);
    ((ObjectNode) payload.path("pull_request")).putObject("user").put("login", "mallory").put("type", "User");
    fixture.router.route(Events.context("pull_request", payload.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, fixture.github.commentsWithMarker(number, Markers.PREVIEW_MERGED).size());
  }

  @Test
  void aRepositoryTheAppCannotFetchDoesNotFailThePlansReactions() throws Exception {
    git.unreachable = true;
    pushed(api);
    assertEquals(Optional.empty(), radarComment(api));
  }

  @Test
  void aCheckSuiteCompletedOnThePreviewPutsItsResultInTheTrackingComment() throws Exception {
    pushed(api);
    int writes = fixture.github.writes().size();
    fixture.router.route(Events.context("check_suite", checkSuite("workstreams/7-preview", "abc1234def", "failure")));
    assertTrue(fixture.plan().trackingCommentBody().contains("left out: `ui`. CI on `abc1234`: failure."),
        fixture.plan().trackingCommentBody());
    fixture.router.route(Events.context("check_suite", checkSuite("workstreams/7-api", "abc1234def", "success")));
    fixture.router.route(Events.context("check_suite", checkSuite("workstreams/7-preview", "abc1234def", "failure")));
    assertEquals(writes + 1, fixture.github.writes().size(), "one tracking edit; a workstream's suite is not the preview's");
  }

  private static byte[] checkSuite(String branch, String sha, String conclusion) throws Exception {
    ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(
        dev.workstreams.testing.Fixtures.webhook("check_suite-completed-basic"));
    ((ObjectNode) payload.path("check_suite")).put("head_branch", branch).put("head_sha", sha).put("conclusion", conclusion);
    ((ObjectNode) payload.path("repository")).put("full_name", "octo/hello").put("name", "hello");
    payload.putObject("installation").put("id", 7);
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void pushed(int number) throws Exception {
    ObjectNode json = fixture.pullRequestJson(number);
    fixture.router.route(Events.context("pull_request", PullRequestEvents.synchronize(json)));
  }

  private Optional<String> radarComment(int number) throws Exception {
    return fixture.github.commentsWithMarker(number, Markers.CONFLICT).stream().map(IssueComment::body).findFirst();
  }

  private ObservedPullRequest preview() {
    return fixture.github.pullRequests().stream().filter(this::isPreview).findFirst()
        .orElseThrow(() -> new AssertionError("no preview pull request"));
  }

  private boolean isPreview(ObservedPullRequest pr) {
    return fixture.github.headOf(pr.number()).equals("workstreams/7-preview");
  }

  private byte[] previewClosedByMerge(int number) throws Exception {
    ObservedPullRequest pr = fixture.github.pullRequest(number);
    ObjectNode json = new ObjectMapper().createObjectNode()
        .put("number", number).put("state", "closed").put("title", pr.title()).put("body", pr.body())
        .put("draft", false).put("merged", true).put("merged_at", "2026-12-05T12:40:00Z");
    json.putObject("head").put("ref", "workstreams/7-preview").put("sha", "preview1");
    ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(PlanEvents.closed(json, "writer"));
    ((ObjectNode) payload.path("pull_request")).putObject("user").put("login", "workstreams[bot]").put("type", "Bot");
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }
}
