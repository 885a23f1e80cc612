package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Idempotency under failures and rate limits, invalid plans, edits, cancel and commands, end to end. */
class PlanReconciliationIT {

  private static final String PLAN = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
        - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
      ```
      """;

  @TempDir Path dataDir;
  private PlanRig rig;

  private PlanRig start(int failureRetries) {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(failureRetries)));
    rig.github.permissions.put("mona", "write");
    return rig;
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private void assertExactlyOneOfEach() {
    assertEquals(Set.of("main", "workstreams/7-schema", "workstreams/7-api", "workstreams/7-ui"), rig.github.refs.keySet());
    assertEquals(3, rig.github.pulls.size());
    for (ObjectNode pr : rig.github.pulls) {
      assertEquals(1, pr.path("labels").size(), pr.toString());
    }
    assertEquals(1, rig.github.commentsOn(7).size());
  }

  /** A 3-task plan costs 16 writes; each one in turn fails once, and the job queue's retry completes the plan. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void aFailedWriteAtAnyPointIsCompletedByTheRetryWithoutDuplicates(int failingWrite) {
    start(0);
    rig.github.failWrite(failingWrite, 502);

    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));

    assertExactlyOneOfEach();
  }

  @Test
  void aSecondaryRateLimitInTheMiddleIsWaitedOutAndThePlanCompletes() {
    start(2);
    rig.github.failWrite(6, 403);

    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));

    assertExactlyOneOfEach();
    var writes = rig.wiremock.getAllServeEvents().stream()
        .filter(e -> !e.getRequest().getMethod().getName().equals("GET") && !e.getRequest().getUrl().startsWith("/app/"))
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    for (int i = 1; i < writes.size(); i++) {
      assertTrue(writes.get(i) - writes.get(i - 1) >= 15, "writes " + (i - 1) + " and " + i + " were " + (writes.get(i) - writes.get(i - 1)) + " ms apart");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "no plan here",
      "```plan\ntasks: [unclosed\n```\n",
      "```plan\ncolour: red\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n```\n",
      "```plan\ntasks:\n  - {id: a, owns: [a/**]}\n```\n",
      "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n  - {id: a, title: B, owns: [b/**]}\n```\n",
      "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**], depends_on: [zzz]}\n```\n",
      "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**], depends_on: [b]}\n  - {id: b, title: B, owns: [b/**], depends_on: [a]}\n```\n",
      "```plan\ntasks:\n  - {id: a, title: A, owns: [src/**]}\n  - {id: b, title: B, owns: ['src/b/**']}\n```\n",
      "```plan\nbase: nope\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n```\n"})
  void anInvalidPlanGetsOneCommentAndNothingElse(String body) {
    start(2);

    rig.deliverAndWait("issues", PlanEvents.labeled(body, "plan", "mona"));

    assertEquals(Set.of("main"), rig.github.refs.keySet());
    assertEquals(0, rig.github.pulls.size());
    List<ObjectNode> comments = rig.github.commentsOn(7);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("this plan was not accepted"), comments.get(0).toString());
  }

  @Test
  void anEditAddsChangesAndFlagsRemovedTasksButABrokenEditChangesNothing() {
    start(2);
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    String edited = """
        ```plan
        tasks:
          - {id: schema, title: Schema v2, owns: [db/**]}
          - {id: api, title: API, owns: [api/**]}
          - {id: docs, title: Docs, owns: [docs/**], depends_on: [api]}
        ```
        """;

    rig.deliverAndWait("issues", PlanEvents.edited(edited, "plan", "mona"));

    assertEquals(4, rig.github.pulls.size());
    ObjectNode ui = pull("workstreams/7-ui");
    assertEquals("open", ui.path("state").asText());
    assertTrue(ui.path("labels").findValuesAsText("name").contains("workstreams:removed"), ui.toString());
    assertEquals(1, rig.github.commentsOn(ui.path("number").asInt()).size());
    assertEquals("Schema v2", pull("workstreams/7-schema").path("title").asText());
    assertEquals(List.of("merge-order:1"), pull("workstreams/7-api").path("labels").findValuesAsText("name"));
    assertEquals(List.of("merge-order:2"), pull("workstreams/7-docs").path("labels").findValuesAsText("name"));

    int writes = rig.github.writes().size();
    rig.deliverAndWait("issues", PlanEvents.edited(edited.replace("[docs/**]", "[api/docs/**]"), "plan", "mona"));
    assertEquals(writes + 1, rig.github.writes().size(), "only the tracking comment is edited");
    String tracking = rig.github.commentsOn(7).get(0).path("body").asText();
    assertTrue(tracking.contains("The last edit of the plan was not applied"), tracking);
    assertTrue(tracking.contains("| 2 | `docs` Docs | #"), "the table stays: " + tracking);
    assertEquals(4, rig.github.pulls.size());
  }

  @Test
  void removingTheLabelCancelsThePlanAndDeletesNothing() {
    start(2);
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));

    rig.deliverAndWait("issues", PlanEvents.unlabeled(PLAN, "plan", "mona"));

    String tracking = rig.github.commentsOn(7).get(0).path("body").asText();
    assertTrue(tracking.contains("plan cancelled"), tracking);
    assertEquals(3, rig.github.pulls.size());
    assertEquals(4, rig.github.refs.size());
  }

  @Test
  void answersCommandsOnceEachAndRefusesPeopleWithoutWriteAccess() {
    start(2);
    rig.github.permissions.put("reader", "read");
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));

    byte[] status = PlanEvents.comment("/workstreams status", 901, "mona");
    String id = rig.deliverAndWait("issue_comment", status);
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams status", 901, "mona"));
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams retry api", 902, "mona"));
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams frobnicate", 903, "mona"));
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams cancel ui", 904, "reader"));

    List<String> replies = rig.github.commentsOn(7).stream().skip(1).map(c -> c.path("body").asText()).toList();
    assertEquals(4, replies.size(), replies.toString());
    assertTrue(replies.get(0).contains("| merge order | task | pull request | state |"), replies.get(0));
    assertTrue(replies.get(1).contains("recorded: retry `api`"), replies.get(1));
    assertTrue(replies.get(2).contains("Usage: `/workstreams status`"), replies.get(2));
    assertTrue(replies.get(3).contains("@reader, only people with write"), replies.get(3));
    assertTrue(id != null);
  }

  @Test
  void rebuildsFromGitHubWhenTheDatabaseIsLost() throws Exception {
    start(2);
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    FakeGitHub github = rig.github;
    rig.server.close();
    Path freshData = dataDir.resolve("lost");
    java.nio.file.Files.createDirectories(freshData);

    try (PlanRig second = new PlanRig(PlanRig.Setup.of(freshData, PlanRig.quickPolicy(2)).over(github))) {
      second.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    }

    assertEquals(4, github.refs.size());
    assertEquals(3, github.pulls.size());
    assertEquals(1, github.commentsOn(7).size());
  }

  private ObjectNode pull(String head) {
    return rig.github.pulls.stream().filter(p -> p.path("head").path("ref").asText().equals(head)).findFirst().orElseThrow();
  }
}
