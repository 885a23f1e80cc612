package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.github.http.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workstream pull requests merged and closed, end to end: the plan walked to its summary. */
class RecordWorkstreamWhenClosedIT {

  private static final String PLAN = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: docs, title: Docs, owns: [docs/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
        - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
      ```
      """;
  private static final Instant LABELLED = Instant.parse("2026-11-02T09:00:00Z");

  @TempDir Path dataDir;
  private final FakeClock clock = new FakeClock(LABELLED);
  private PlanRig rig;

  @BeforeEach
  void start() {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(2)).withPlanClock(clock));
    rig.github.permissions.put("mona", "write");
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    assertEquals(List.of(7), rig.advanced, "opening the plan moves it forward once");
    rig.advanced.clear();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void mergingInOrderShowsEachMergeAndAfterTheLastTheSummary() throws SQLException {
    agentTime("schema", Duration.ofHours(2));
    agentTime("docs", Duration.ofHours(3));
    agentTime("api", Duration.ofHours(3));
    agentTime("ui", Duration.ofHours(1));

    merge("schema", "10:00");
    assertTrue(tracking().contains("| 1 | `schema` Schema | #" + number("schema") + " | merged |"), tracking());
    assertTrue(tracking().contains("| 2 | `api` API | #" + number("api") + " | open for people |"), tracking());
    assertFalse(tracking().contains("Plan finished"), tracking());
    merge("docs", "10:30");
    merge("api", "12:00");
    clock.advance(Duration.ofHours(5));
    ObjectNode ui = rig.github.merge(number("ui"), at("13:30"));
    rig.deliverAndWait("pull_request", PlanEvents.closed(ui, "mona"));

    assertTrue(tracking().contains("| 3 | `ui` UI | #" + number("ui") + " | merged |"), tracking());
    assertTrue(tracking().contains("""

        **Plan finished**: all 4 tasks are merged, in 3 merge rounds (one round per merge-order level).
        Time from the label to the last merge: 4 h 30 min. Agent time summed over tasks: 9 h.
        Speed-up over running the tasks in turn: 2.00× (summed agent time ÷ time from the label to the last merge).
        """), tracking());
    assertEquals(1, rig.github.commentsOn(7).size(), "no out-of-order comment");
    assertEquals(List.of(7, 7, 7, 7), rig.advanced);
    assertEquals("2026-11-02T14:00:00Z", finishedAt(), "when the App saw the plan finish");

    int writes = rig.github.writes().size();
    clock.advance(Duration.ofHours(1));
    rig.deliverAndWait("pull_request", PlanEvents.closed(ui, "mona"));
    assertEquals(writes, rig.github.writes().size(), "a redelivered merge changes nothing");
    assertEquals("2026-11-02T14:00:00Z", finishedAt());
  }

  @Test
  void aMergeBeforeADependencyIsPointedOutOnceAndBlocksNothing() {
    byte[] apiMerged = PlanEvents.closed(rig.github.merge(number("api"), at("10:00")), "mona");
    String delivery = rig.deliverAndWait("pull_request", apiMerged);
    rig.deliverAndWait("pull_request", delivery, apiMerged);
    rig.deliverAndWait("pull_request", apiMerged);

    List<ObjectNode> comments = rig.github.commentsOn(7);
    assertEquals(2, comments.size(), comments.toString());
    String notice = comments.get(1).path("body").asText();
    assertTrue(notice.startsWith("<!-- workstreams:out-of-order api -->\n"), notice);
    assertTrue(notice.contains("#" + number("api") + " (`api`) was merged before its dependency `schema` (#"
        + number("schema") + ")."), notice);
    assertTrue(notice.contains("Nothing is blocked."), notice);
    assertTrue(tracking().contains("| 2 | `api` API | #" + number("api") + " | merged |"), tracking());
    assertTrue(tracking().contains("| 1 | `schema` Schema | #" + number("schema") + " | open for people |"), tracking());

    merge("schema", "11:00");
    merge("ui", "12:00");
    assertEquals(2, rig.github.commentsOn(7).size(), "ui came after api: in order");
  }

  @Test
  void closingWithoutMergingShowsTheTaskClosedAndFinishesNothing() {
    rig.deliverAndWait("pull_request", PlanEvents.closed(rig.github.close(number("docs"), at("10:00")), "mona"));

    assertTrue(tracking().contains("| 1 | `docs` Docs | #" + number("docs") + " | closed without merging |"), tracking());
    assertEquals(List.of(7), rig.advanced);

    merge("schema", "11:00");
    merge("api", "12:00");
    merge("ui", "13:00");
    assertFalse(tracking().contains("Plan finished"), tracking());
    assertEquals("", finishedAt());
  }

  @Test
  void reopeningAClosedWorkstreamBringsItBackAndThePlanCanFinish() {
    rig.deliverAndWait("pull_request", PlanEvents.closed(rig.github.close(number("docs"), at("10:00")), "mona"));
    ObjectNode docs = pull("docs");
    docs.put("state", "open").putNull("closed_at");
    byte[] reopened = PullRequestEvents.event("reopened", docs, "mona", "User");
    String delivery = rig.deliverAndWait("pull_request", reopened);
    String afterReopen = tracking();
    rig.deliverAndWait("pull_request", delivery, reopened);
    rig.deliverAndWait("pull_request", reopened);

    assertTrue(afterReopen.contains("| 1 | `docs` Docs | #" + number("docs") + " | open for people |"), afterReopen);
    assertEquals(afterReopen, tracking());
    assertEquals(List.of(7, 7), rig.advanced, "closed, then reopened; the redeliveries change nothing");

    merge("schema", "11:00");
    merge("docs", "11:30");
    merge("api", "12:00");
    merge("ui", "13:00");
    assertTrue(tracking().contains("**Plan finished**: all 4 tasks are merged"), tracking());
  }

  @Test
  void closingAPullRequestThatIsNoWorkstreamCostsNoGitHubCall() {
    int calls = rig.apiCalls().size();

    rig.deliverAndWait("pull_request", otherPullRequestClosed(42, "feature/readme", "octo/hello", "Fixes the README."));
    // a fork's branch named like a task branch, and a body copying the task marker, close nothing either
    rig.deliverAndWait("pull_request", otherPullRequestClosed(43, "workstreams/7-api", "someone/hello",
        pull("api").path("body").asText()));

    assertEquals(calls, rig.apiCalls().size());
    assertEquals(List.of(), rig.advanced);
    assertTrue(tracking().contains("| 2 | `api` API | #" + number("api") + " | open for people |"), tracking());
  }

  @Test
  void aPullRequestTheAppNeverRecordedIsFoundByItsBranchButAForksLookAlikeIsNot() throws SQLException {
    forgetPullRequest("docs"); // as after a crash between opening the pull request and recording it
    int calls = rig.apiCalls().size();

    rig.deliverAndWait("pull_request", otherPullRequestClosed(43, "workstreams/7-docs", "someone/hello",
        pull("docs").path("body").asText()));
    assertEquals(calls, rig.apiCalls().size(), "a fork's branch and a copied marker close nothing");

    merge("docs", "10:00");
    assertTrue(tracking().contains("| 1 | `docs` Docs | #" + number("docs") + " | merged |"), tracking());
    assertEquals(List.of(7), rig.advanced);
  }

  private void merge(String task, String time) {
    rig.deliverAndWait("pull_request", PlanEvents.closed(rig.github.merge(number(task), at(time)), "mona"));
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-02T" + time + ":00Z");
  }

  private ObjectNode pull(String task) {
    return rig.github.pulls.stream().filter(p -> p.path("head").path("ref").asText().equals("workstreams/7-" + task))
        .findFirst().orElseThrow();
  }

  private int number(String task) {
    return pull(task).path("number").asInt();
  }

  private String tracking() {
    return rig.github.commentsOn(7).get(0).path("body").asText();
  }

  private byte[] otherPullRequestClosed(int number, String head, String headRepository, String body) {
    try {
      ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(PlanEvents.closed(pull("docs"), "mona"));
      payload.put("number", number);
      ObjectNode pr = ((ObjectNode) payload.path("pull_request")).put("number", number).put("body", body)
          .put("merged", true).put("merged_at", "2026-11-02T10:00:00Z");
      ((ObjectNode) pr.path("head")).put("ref", head);
      ((ObjectNode) pr.path("head").path("repo")).put("full_name", headRepository);
      return payload.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The agent scheduler records agent time; without agents in this test, the rows get it directly.
  private void agentTime(String task, Duration time) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        PreparedStatement s = c.prepareStatement(
            "UPDATE workstreams SET agent_seconds = ? WHERE issue_number = 7 AND task_id = ?")) {
      s.setLong(1, time.toSeconds());
      s.setString(2, task);
      assertEquals(1, s.executeUpdate());
    }
  }

  private void forgetPullRequest(String task) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        PreparedStatement s = c.prepareStatement(
            "UPDATE workstreams SET pr_number = NULL WHERE issue_number = 7 AND task_id = ?")) {
      s.setString(1, task);
      assertEquals(1, s.executeUpdate());
    }
  }

  private String finishedAt() {
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        PreparedStatement s = c.prepareStatement("SELECT finished_at FROM plans WHERE issue_number = 7");
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next());
      OffsetDateTime at = r.getObject(1, OffsetDateTime.class);
      return at == null ? "" : at.toInstant().toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String jdbcUrl() {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("workstreams") + ";DB_CLOSE_ON_EXIT=FALSE";
  }
}
