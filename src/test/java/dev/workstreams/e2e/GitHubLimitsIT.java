package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, end to end against a fake GitHub that refuses texts over 65,536 characters as GitHub does: plans whose
 * reports grow past the limit still get their comment, and a rejected edit of a running plan stays visible beside the
 * table until the issue body is valid again.
 */
class GitHubLimitsIT {

  private static final String FIVE_TASKS = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
        - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
        - {id: docs, title: Docs, owns: [docs/**]}
        - {id: cli, title: CLI, owns: [cli/**]}
      ```
      """;
  private static final String OVERLAPPING = FIVE_TASKS.replace("[cli/**]", "[cli/**, api/**]");

  @TempDir Path dataDir;
  private PlanRig rig;

  @BeforeEach
  void start() {
    rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(2)));
    rig.github.permissions.put("mona", "write");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static String plan(int tasks, int globsPerTask, String glob) {
    StringBuilder out = new StringBuilder("```plan\ntasks:\n");
    for (int t = 0; t < tasks; t++) {
      out.append("  - id: t").append(t).append("\n    title: Task ").append(t).append("\n    owns: [");
      for (int g = 0; g < globsPerTask; g++) {
        out.append(g == 0 ? "" : ", ").append('"').append(glob.replace("{t}", "" + t).replace("{g}", "" + g)).append('"');
      }
      out.append("]\n");
    }
    return out.append("```\n").toString();
  }

  private String tracking() {
    return rig.github.commentsOn(7).get(0).path("body").asText();
  }

  @Test
  void aValidPlanOfThirtyTasksWithTwentyFiveGlobsEachGetsItsTrackingCommentAndWorkstreams() {
    // No file of the repository matches any of the 750 globs: one finding each, far more than a comment holds.
    rig.deliverAndWait("issues", PlanEvents.labeled(plan(30, 25, "t{t}/dir{g}/**"), "plan", "mona"));

    assertEquals(30, rig.github.pulls.size());
    String tracking = tracking();
    assertTrue(tracking.length() <= 65_536, "length " + tracking.length());
    assertTrue(tracking.contains("| 1 | `t29` Task 29 | #"), tracking);
    assertTrue(tracking.contains("more\n"), "the findings are cut by item and counted");
  }

  @Test
  void anInvalidPlanOfSixtyTasksThatAllOwnEverythingGetsItsOneComment() {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan(60, 1, "**"), "plan", "mona"));

    assertEquals(0, rig.github.pulls.size());
    assertTrue(tracking().contains("more than 50 tasks (60)"), tracking());
  }

  @Test
  void aRejectedEditStaysBesideTheTableUntilTheBodyIsValidAgain() {
    rig.deliverAndWait("issues", PlanEvents.labeled(FIVE_TASKS, "plan", "mona"));

    rig.deliverAndWait("issues", PlanEvents.edited(OVERLAPPING, "plan", "mona"));
    assertTrue(tracking().contains("The last edit of the plan was not applied"), tracking());
    assertTrue(tracking().contains("tasks `api` and `cli` can both own"), tracking());
    assertTrue(tracking().contains("| 1 | `schema` Schema | #"), tracking());

    ObjectNode schema = pull("workstreams/7-schema");
    rig.deliverAndWait("pull_request",
        PlanEvents.closed(rig.github.merge(schema.path("number").asInt(), Instant.now()), "mona"));
    assertTrue(tracking().contains("| 1 | `schema` Schema | #" + schema.path("number").asInt() + " | merged |"), tracking());
    assertTrue(tracking().contains("The last edit of the plan was not applied"), tracking());

    rig.deliverAndWait("issues", PlanEvents.edited(FIVE_TASKS.replace("title: CLI", "title: Command line"), "plan", "mona"));
    assertFalse(tracking().contains("not applied"), tracking());
    assertTrue(tracking().contains("| 1 | `cli` Command line | #"), tracking());
    assertEquals(1, rig.github.commentsOn(7).size());
  }

  @Test
  void titlesAreShownAsTheyAreWrittenAndPingNobody() {
    rig.deliverAndWait("issues", PlanEvents.labeled(
        FIVE_TASKS.replace("title: Docs", "title: \"Docs for @alice | <!-- workstreams:tracking -->\""), "plan", "mona"));

    String tracking = tracking();
    assertFalse(tracking.contains("@alice"), tracking);
    assertEquals(1, tracking.split("<!--", -1).length - 1, "only the App's own marker: " + tracking);
    String body = pull("workstreams/7-docs").path("body").asText();
    assertFalse(body.contains("@alice"), body);
    assertEquals(List.of(), rig.github.commentsOn(7).stream().skip(1).toList());
  }

  private ObjectNode pull(String head) {
    return rig.github.pulls.stream().filter(p -> p.path("head").path("ref").asText().equals(head)).findFirst().orElseThrow();
  }
}
