package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labelled plan issue, end to end: signed webhook in, branches, pull requests, labels and one comment out. */
class OpenWorkstreamsWhenPlanLabelledIT {

  @TempDir Path dataDir;
  private PlanRig rig;
  private String plan;

  @BeforeEach
  void start() throws IOException {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(2)));
    rig.github.permissions.put("mona", "maintain");
    rig.github.permissions.put("reader", "read");
    rig.github.files.addAll(List.of("db/migrations/001.sql", "src/billing/model/Plan.java", "README.md"));
    plan = Files.readString(Path.of("examples/plan-issue.md"));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void opensOneBranchDraftPullRequestAndMergeOrderLabelPerTaskAndOneTrackingComment() {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));

    FakeGitHub github = rig.github;
    assertEquals(Set.of("main", "workstreams/7-schema", "workstreams/7-team-api", "workstreams/7-invoices",
        "workstreams/7-admin-ui", "workstreams/7-docs"), github.refs.keySet());
    Map<String, String> labelsByHead = new TreeMap<>();
    for (ObjectNode pr : github.pulls) {
      assertEquals("main", pr.path("base").path("ref").asText());
      assertTrue(pr.path("draft").asBoolean(), pr.toString());
      labelsByHead.put(pr.path("head").path("ref").asText(),
          pr.path("labels").findValuesAsText("name").stream().collect(Collectors.joining(",")));
    }
    assertEquals(Map.of("workstreams/7-schema", "merge-order:1", "workstreams/7-docs", "merge-order:1",
        "workstreams/7-team-api", "merge-order:2", "workstreams/7-invoices", "merge-order:2",
        "workstreams/7-admin-ui", "merge-order:3"), labelsByHead);
    assertEquals(Set.of("merge-order:1", "merge-order:2", "merge-order:3"), github.labels.keySet());
    List<ObjectNode> comments = github.commentsOn(7);
    assertEquals(1, comments.size());
    String tracking = comments.get(0).path("body").asText();
    assertTrue(tracking.startsWith("<!-- workstreams:tracking -->"), tracking);
    assertTrue(tracking.contains("| 3 | `admin-ui` Team settings page for admins | #"), tracking);
    assertTrue(tracking.contains("Critical path: `schema` → `team-api` → `admin-ui`"), tracking);
    String adminUi = github.pulls.stream().filter(p -> p.path("head").path("ref").asText().endsWith("admin-ui"))
        .findFirst().orElseThrow().path("body").asText();
    int teamApi = github.pulls.stream().filter(p -> p.path("head").path("ref").asText().endsWith("team-api"))
        .findFirst().orElseThrow().path("number").asInt();
    assertTrue(adminUi.contains("<!-- workstreams:task {\"issue\":7,\"task\":\"admin-ui\"} -->"), adminUi);
    assertTrue(adminUi.contains("Depends-On: #" + teamApi + "\n"), adminUi);
  }

  @Test
  void costsAtMostFiveCallsPerTaskPlusAConstantAndNothingWhenAlreadyComplete() {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    int fresh = rig.apiCalls().size();

    assertTrue(fresh <= 5 * 5 + 10, "a fresh 5-task plan cost " + fresh + " calls: " + rig.github.writes());
    // 6 reads (permission, config, base branch, tree, plan branches, comments), the tracking comment created and
    // edited once, 4 writes per task (commit, branch, pull request, label) and 3 merge-order labels: README's figures.
    assertEquals(6 + 2 + 4 * 5 + 3, fresh, rig.github.writes().toString());

    int writesBefore = rig.github.writes().size();
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    assertEquals(writesBefore, rig.github.writes().size(), "a complete plan needs no write");
    // permission, config (cached), base branch, tree and the plan's branches: what a relabel reads
    assertEquals(fresh + 4, rig.apiCalls().size());
  }

  @Test
  void theSameDeliveryTwiceAndASecondLabelEventCreateNothingTwice() {
    byte[] labeled = PlanEvents.labeled(plan, "plan", "mona");
    String id = rig.deliverAndWait("issues", labeled);
    rig.deliverAndWait("issues", id, labeled);
    rig.deliverAndWait("issues", labeled);

    assertEquals(6, rig.github.refs.size());
    assertEquals(5, rig.github.pulls.size());
    assertEquals(1, rig.github.commentsOn(7).size());
  }

  @Test
  void aSenderWithoutWritePermissionGetsOneCommentAndNothingElse() {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "reader"));
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "reader"));

    assertEquals(Set.of("main"), rig.github.refs.keySet());
    assertEquals(0, rig.github.pulls.size());
    List<ObjectNode> comments = rig.github.commentsOn(7);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("@reader, only people with write, maintain or admin permission"));
  }

  @Test
  void otherLabelsAreIgnored() {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "bug", "mona"));

    assertEquals(List.of(), rig.github.writes());
  }

  @Test
  void fallsBackToPlainPullRequestsWhereDraftsAreRefused() {
    rig.github.allowDrafts = false;

    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));

    assertEquals(5, rig.github.pulls.size());
    assertTrue(rig.github.pulls.stream().noneMatch(p -> p.path("draft").asBoolean()));
  }

  @Test
  void usesTheTriggerLabelFromTheRepositoryConfig() {
    rig.github.config = java.util.Optional.of("trigger_label: workstreams\n");

    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    assertEquals(0, rig.github.pulls.size());
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "workstreams", "mona"));
    assertEquals(5, rig.github.pulls.size());
  }

  @Test
  void reportsAnInvalidRepositoryConfigOnTheIssue() {
    rig.github.config = java.util.Optional.of("max_parallel: lots\ncolour: red\n");

    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));

    assertEquals(0, rig.github.pulls.size());
    String comment = rig.github.commentsOn(7).get(0).path("body").asText();
    assertTrue(comment.contains("cannot read `.github/workstreams.yml`"), comment);
    assertTrue(comment.contains("line 1"), comment);
  }
}
