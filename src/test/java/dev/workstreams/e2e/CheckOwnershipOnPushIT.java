package dev.workstreams.e2e;

import static dev.workstreams.e2e.FakeFilesAndChecks.changed;
import static dev.workstreams.e2e.FakeFilesAndChecks.renamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a workstream pull request, end to end: its files against the stored plan, a check run and one comment. */
class CheckOwnershipOnPushIT {

  private static final String PLAN = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
        - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
      ```
      """;
  private static final String MARKER = "<!-- workstreams:ownership -->";

  @TempDir Path dataDir;
  private PlanRig rig;
  private int api;
  private int schema;

  @BeforeEach
  void openThePlan() {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(2)));
    rig.github.permissions.put("mona", "write");
    rig.github.config = java.util.Optional.of("shared: [package-lock.json]\n");
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    api = rig.github.pullRequest("workstreams/7-api").path("number").asInt();
    schema = rig.github.pullRequest("workstreams/7-schema").path("number").asInt();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private ObjectNode push(String sha, List<ObjectNode> files) {
    ObjectNode pr = rig.github.push(api, sha, files);
    rig.deliverAndWait("pull_request", PullRequestEvents.synchronize(pr));
    return pr;
  }

  private ObjectNode check(String sha) {
    List<ObjectNode> runs = rig.github.filesAndChecks.checkRunsOn(sha);
    assertEquals(1, runs.size(), runs.toString());
    ObjectNode run = runs.get(0);
    assertEquals("workstreams/ownership", run.path("name").asText());
    assertEquals("completed", run.path("status").asText());
    return run;
  }

  private List<ObjectNode> ownershipComments() {
    return rig.github.commentsOn(api).stream().filter(c -> c.path("body").asText().startsWith(MARKER)).toList();
  }

  @Test
  void aCleanPushPassesTheCheckAndLeavesNoComment() {
    int before = rig.apiCalls().size();

    push("c1ea0001", List.of(changed("api/teams.java"), changed("package-lock.json")));

    assertEquals(List.of("GET /repos/octo/hello/pulls/" + api + "/files?per_page=100",
        "GET /repos/octo/hello/issues/" + api + "/comments?per_page=100",
        "GET /repos/octo/hello/commits/c1ea0001/check-runs?filter=latest&per_page=100&check_name=workstreams%2Fownership",
        "POST /repos/octo/hello/check-runs"),
        callsSince(before), "one page, the lookup of an earlier comment, the lookup of an earlier run, the check run");

    ObjectNode run = check("c1ea0001");
    assertEquals("success", run.path("conclusion").asText());
    assertEquals("All files inside task api", run.path("output").path("title").asText());
    assertEquals(List.of(), rig.github.commentsOn(api));
  }

  @Test
  void aViolatingPushGetsOneCommentAndAFailingCheckNamingTheOwningTask() {
    push("bad00001", List.of(changed("api/teams.java"), changed("db/schema.sql"), changed("README.md")));

    ObjectNode run = check("bad00001");
    assertEquals("failure", run.path("conclusion").asText());
    assertEquals("2 files outside task api", run.path("output").path("title").asText());
    String summary = run.path("output").path("summary").asText();
    String owned = "- `db/schema.sql`: owned by task `schema` (#" + schema + ")\n";
    assertTrue(summary.contains(owned), summary);
    assertTrue(summary.contains("- `README.md`: owned by no task\n"), summary);
    List<ObjectNode> comments = ownershipComments();
    assertEquals(1, comments.size());
    String comment = comments.get(0).path("body").asText();
    assertTrue(comment.contains(owned), comment);
    assertTrue(comment.contains("Checked at `bad0000`."), comment);
  }

  @Test
  void laterPushesEditTheSameCommentAndAFixingPushMakesTheCheckPass() {
    push("bad00001", List.of(changed("db/schema.sql")));
    long id = ownershipComments().get(0).path("id").asLong();

    push("bad00002", List.of(changed("ui/page.tsx")));
    assertEquals(1, ownershipComments().size());
    String second = ownershipComments().get(0).path("body").asText();
    assertEquals(id, ownershipComments().get(0).path("id").asLong());
    assertTrue(second.contains("- `ui/page.tsx`: owned by task `ui` (#"), second);
    assertFalse(second.contains("db/schema.sql"), second);
    assertEquals("failure", check("bad00002").path("conclusion").asText());

    push("f1x00003", List.of(changed("api/teams.java")));
    assertEquals(1, rig.github.commentsOn(api).size());
    String fixed = ownershipComments().get(0).path("body").asText();
    assertEquals(id, ownershipComments().get(0).path("id").asLong());
    assertTrue(fixed.contains("All files are inside the task's ownership now."), fixed);
    assertEquals("success", check("f1x00003").path("conclusion").asText());
    assertEquals(2, rig.github.writes().stream().filter(w -> w.equals("PATCH /repos/octo/hello/issues/comments/" + id)).count());
  }

  @Test
  void aRenameOutOfTheOwnedFolderIsAViolation() {
    push("ren00001", List.of(renamed("api/Client.java", "lib/Client.java")));

    ObjectNode run = check("ren00001");
    assertEquals("failure", run.path("conclusion").asText());
    String summary = run.path("output").path("summary").asText();
    assertTrue(summary.startsWith("2 paths checked"), summary);
    assertTrue(summary.contains("1 file is outside the task's ownership:\n\n- `lib/Client.java`: owned by no task\n"), summary);
  }

  @Test
  void aPushThatAddsASharedEntryToItsOwnBranchIsStillHeldToTheStoredRules() {
    rig.github.configOnBranch.put("workstreams/7-api", "shared: [package-lock.json, README.md, .github/workstreams.yml]\n");

    push("w1de0001", List.of(changed(".github/workstreams.yml"), changed("README.md")));

    ObjectNode run = check("w1de0001");
    assertEquals("failure", run.path("conclusion").asText());
    String summary = run.path("output").path("summary").asText();
    assertTrue(summary.contains("- `.github/workstreams.yml`: owned by no task\n- `README.md`: owned by no task\n"), summary);
    assertTrue(rig.apiCalls().stream().noneMatch(e -> e.getRequest().getUrl().contains("ref=workstreams")),
        "the pull request's head is never read for rules");
  }

  @Test
  void aPullRequestOverGitHubsFileCapFailsClosedAfterReadingEveryPage() {
    int before = rig.apiCalls().size();

    push("b1g00001", files(3_100));

    List<String> pages = callsSince(before).stream().filter(call -> call.contains("/files")).toList();
    assertEquals(30, pages.size());
    assertTrue(pages.stream().allMatch(page -> page.contains("per_page=100")), pages.toString());
    ObjectNode run = check("b1g00001");
    assertEquals("failure", run.path("conclusion").asText());
    assertEquals("Cannot verify every file", run.path("output").path("title").asText());
    String cap = "cannot verify every file: GitHub lists at most 3,000 files of a pull request";
    assertTrue(run.path("output").path("summary").asText().contains(cap), run.toString());
    assertTrue(ownershipComments().get(0).path("body").asText().contains(cap));
  }

  @Test
  void checkingA3000FilePullRequestCostsItsPagesTheCommentAndTheCheckRun() {
    int before = rig.apiCalls().size();

    push("b1g00002", files(3_000));

    List<String> calls = callsSince(before).stream().map(call -> call.replaceAll("\\?.*", "")).toList();
    List<String> expected = new ArrayList<>();
    IntStream.range(0, 30).forEach(i -> expected.add("GET /repos/octo/hello/pulls/" + api + "/files"));
    // the comment: found by its marker (none yet), then created; then the check run, likewise
    expected.addAll(List.of("GET /repos/octo/hello/issues/" + api + "/comments", "POST /repos/octo/hello/issues/" + api + "/comments",
        "GET /repos/octo/hello/commits/b1g00002/check-runs", "POST /repos/octo/hello/check-runs"));
    assertEquals(expected, calls);
  }

  @Test
  void everyActionIsCheckedAndTheAppsOwnPushesToo() {
    ObjectNode pr = rig.github.push(api, "b0700001", List.of(changed("db/seed.sql")));

    rig.deliverAndWait("pull_request", PullRequestEvents.event("opened", pr, "workstreams[bot]", "Bot"));
    rig.github.push(api, "b0700002", List.of(changed("db/seed.sql")));
    rig.deliverAndWait("pull_request", PullRequestEvents.event("reopened", pr, "mona", "User"));
    rig.github.push(api, "b0700003", List.of(changed("db/seed.sql")));
    rig.deliverAndWait("pull_request", PullRequestEvents.event("ready_for_review", pr, "mona", "User"));

    for (String sha : List.of("b0700001", "b0700002", "b0700003")) {
      assertEquals("failure", check(sha).path("conclusion").asText(), sha);
    }
    assertEquals(1, ownershipComments().size());
  }

  @Test
  void aPersonsBranchNamedForATaskIsNoWorkstreamAndIsWarnedWhenItTouchesOwnedFiles() {
    ObjectNode pr = rig.github.openPullRequestByPerson("workstreams/7-nope", "Nope", "no marker");
    rig.github.push(pr.path("number").asInt(), "n0pe0001", List.of(changed("db/x.sql")));

    rig.deliverAndWait("pull_request", PullRequestEvents.event("opened", pr, "mona", "User"));

    assertEquals(List.of(), rig.github.filesAndChecks.checkRunsOn("n0pe0001"));
    List<ObjectNode> comments = rig.github.commentsOn(pr.path("number").asInt());
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("task `schema` of plan #7"), comments.toString());
  }

  /** GitHub calls after the first {@code before} ones, oldest first, as {@code METHOD url}. */
  private List<String> callsSince(int before) {
    List<ServeEvent> calls = new ArrayList<>(rig.apiCalls());
    Collections.reverse(calls); // WireMock's journal is newest first
    return calls.subList(before, calls.size()).stream()
        .map(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl()).toList();
  }

  private static List<ObjectNode> files(int count) {
    return IntStream.range(0, count).mapToObj(i -> changed("api/generated/file" + i + ".json")).toList();
  }
}
