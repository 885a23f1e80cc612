package dev.workstreams.e2e;

import static dev.workstreams.e2e.FakeFilesAndChecks.changed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull request outside every plan that changes files an open workstream owns: one warning, nothing else. */
class WarnWhenAPullRequestTouchesOwnedFilesIT {

  private static final String PLAN = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
      ```
      """;
  private static final String MARKER = "<!-- workstreams:conflict-warning -->";

  @TempDir Path dataDir;
  private PlanRig rig;
  private ObjectNode pr;

  @BeforeEach
  void start() {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(2)));
    rig.github.permissions.put("mona", "write");
    pr = rig.github.openPullRequestByPerson("feature/cleanup", "Cleanup", "Tidying up.");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private void push(String sha, String action, String... paths) {
    rig.github.push(pr.path("number").asInt(), sha, List.of(paths).stream().map(FakeFilesAndChecks::changed).toList());
    rig.deliverAndWait("pull_request", PullRequestEvents.event(action, pr, "mona", "User"));
  }

  private List<ObjectNode> warnings() {
    return rig.github.commentsOn(pr.path("number").asInt());
  }

  private int number(String head) {
    return rig.github.pullRequest(head).path("number").asInt();
  }

  @Test
  void withoutAnActivePlanNoGitHubCallIsMade() {
    push("pe0p0001", "opened", "db/schema.sql");

    assertEquals(List.of(), rig.apiCalls());
  }

  @Test
  void namesTheWorkstreamsWhoseFilesItTouchesInOneCommentEditedOnLaterPushes() {
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));

    push("pe0p0001", "opened", "db/schema.sql", "api/teams.java", "docs/guide.md");
    assertEquals(1, warnings().size());
    String first = warnings().get(0).path("body").asText();
    assertTrue(first.startsWith(MARKER + "\n"), first);
    assertTrue(first.contains("- task `schema` of plan #7 (#" + number("workstreams/7-schema") + "): `db/schema.sql`\n"), first);
    assertTrue(first.contains("- task `api` of plan #7 (#" + number("workstreams/7-api") + "): `api/teams.java`\n"), first);
    assertFalse(first.contains("docs/guide.md"), first);
    assertEquals(List.of(), rig.github.filesAndChecks.checkRuns());

    push("pe0p0002", "synchronize", "db/schema.sql");
    assertEquals(1, warnings().size());
    assertFalse(warnings().get(0).path("body").asText().contains("`api`"), warnings().get(0).toString());

    push("pe0p0003", "reopened", "docs/guide.md");
    assertEquals(1, warnings().size());
    assertEquals(MARKER + "\nThis pull request no longer changes files that open workstreams own.\n",
        warnings().get(0).path("body").asText());
  }

  @Test
  void aPullRequestThatTouchesNoOwnedFileGetsNoComment() {
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    int before = rig.apiCalls().size();

    push("pe0p0001", "opened", "docs/guide.md");

    assertEquals(List.of(), warnings());
    assertEquals(before + 2, rig.apiCalls().size(), "one page of files and the lookup of an earlier warning");
  }

  @Test
  void aWorkstreamWhosePullRequestIsClosedIsNotNamed() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    closeInTheStore("schema");

    push("pe0p0001", "opened", "db/schema.sql", "api/teams.java");

    String warning = warnings().get(0).path("body").asText();
    assertFalse(warning.contains("`schema`"), warning);
    assertTrue(warning.contains("task `api`"), warning);
  }

  @Test
  void aForgedTaskMarkerInTheSameRepositoryIsWarnedAboutAndGetsNoOwnershipCheck() {
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    ObjectNode forged = rig.github.openPullRequestByPerson("feature/sneaky", "Sneaky", "<!-- workstreams:task {\"issue\":7,\"task\":\"api\"} -->");
    rig.github.push(forged.path("number").asInt(), "f0r90001", List.of(changed("api/teams.java")));

    rig.deliverAndWait("pull_request", PullRequestEvents.event("opened", forged, "mona", "User"));

    assertForgedPullRequestWarned(forged.path("number").asInt());
  }

  @Test
  void aForkedPullRequestFromATaskBranchWithTheMarkerIsWarnedAboutAndGetsNoOwnershipCheck() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    // the fork's branch has the task branch's name; the fake lists the pull request by number only
    ObjectNode forged = rig.github.openPullRequestByPerson("mallory-fork", "From a fork",
        "<!-- workstreams:task {\"issue\":7,\"task\":\"api\"} -->");
    rig.github.push(forged.path("number").asInt(), "f0r90002", List.of(changed("api/teams.java")));
    ObjectNode payload = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        PullRequestEvents.event("opened", forged, "mallory", "User"));
    ObjectNode head = (ObjectNode) payload.path("pull_request").path("head");
    head.put("ref", "workstreams/7-api");
    ((ObjectNode) head.path("repo")).put("full_name", "mallory/hello");

    rig.deliverAndWait("pull_request", payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertForgedPullRequestWarned(forged.path("number").asInt());
  }

  private void assertForgedPullRequestWarned(int number) {
    List<ObjectNode> comments = rig.github.commentsOn(number);
    assertEquals(1, comments.size(), comments.toString());
    String warning = comments.get(0).path("body").asText();
    assertTrue(warning.startsWith(MARKER), warning);
    assertTrue(warning.contains("task `api` of plan #7"), warning);
    assertEquals(List.of(), rig.github.filesAndChecks.checkRuns(), "no ownership check for a pull request that is no workstream");
  }

  // What the App records when a workstream's pull request is closed (the lifecycle workflow's part).
  private void closeInTheStore(String task) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("workstreams") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement("UPDATE workstreams SET pr_state = 'CLOSED', state = 'CLOSED' WHERE task_id = ?")) {
      s.setString(1, task);
      assertEquals(1, s.executeUpdate());
    }
  }
}
