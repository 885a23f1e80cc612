package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.TaskNode;
import dev.workstreams.core.schedule.WorkstreamState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingCommentTest {

  @Test
  void listsEveryErrorOfARejectedPlanWithItsLine() {
    String comment = TrackingComment.rejected(List.of(
        PlanProblem.error(12, "task `a` depends on itself"),
        PlanProblem.error(0, "no plan found"),
        PlanProblem.warning(3, "`x/**` matches no existing file")));

    assertEquals("""
        <!-- workstreams:tracking -->
        ### workstreams: this plan was not accepted

        2 problems must be fixed before anything is created. Edit the issue to fix them; the plan is checked again on every edit.

        - line 12: task `a` depends on itself
        - no plan found

        Also worth a look:

        - line 3: `x/**` matches no existing file
        """, comment);
  }

  @Test
  void showsTheTableAndThePlansShape() {
    PlanSchedule schedule = new DependencyGraph(List.of(new TaskNode("a", List.of()), new TaskNode("b", List.of("a")),
        new TaskNode("c", List.of()))).schedule().orElseThrow();

    String comment = TrackingComment.accepted(List.of(
            new WorkstreamStatus("a", "Schema | v2", 1, Optional.of(11), WorkstreamState.RUNNING, ""),
            new WorkstreamStatus("c", "Docs", 1, Optional.of(12), WorkstreamState.QUEUED, "2nd in line"),
            new WorkstreamStatus("b", "API", 2, Optional.empty(), WorkstreamState.PENDING, "")),
        schedule, List.of(PlanProblem.warning(5, "task `c`: `docs/**` matches no existing file")), false, Optional.empty());

    assertEquals("""
        <!-- workstreams:tracking -->
        ### workstreams

        | merge order | task | pull request | state |
        |---|---|---|---|
        | 1 | `a` Schema \\| v2 | #11 | agent running |
        | 1 | `c` Docs | #12 | queued: 2nd in line |
        | 2 | `b` API | – | pending |

        Critical path: `a` → `b` (2 of 3 tasks). Widest level: 2. Expected speed-up over one session: 1.50×.

        **Worth a look**

        - line 5: task `c`: `docs/**` matches no existing file

        Merge in merge order: 1 first; pull requests with the same number in any order. Commands: `/workstreams status`, `/workstreams retry <task>`, `/workstreams cancel <task>`.
        """, comment);
  }

  private static PlanSchedule oneLevel(int tasks) {
    List<TaskNode> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      nodes.add(new TaskNode("t" + i, List.of()));
    }
    return new DependencyGraph(nodes).schedule().orElseThrow();
  }

  private static List<WorkstreamStatus> rows(int tasks, String title) {
    List<WorkstreamStatus> rows = new java.util.ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      rows.add(new WorkstreamStatus("t" + i, title, 1, Optional.of(100 + i), WorkstreamState.PENDING, ""));
    }
    return rows;
  }

  @Test
  void titlesCannotMentionBreakTheTableOrFakeAMarker() {
    String comment = TrackingComment.accepted(rows(1, "Ping @alice | <!-- workstreams:ownership --> *now*"),
        oneLevel(1), List.of(), false, Optional.empty());

    assertTrue(comment.contains("| 1 | `t0` Ping @\u200Balice \\| &lt;\\!\\-\\- workstreams:ownership \\-\\-\\> \\*now\\* | #100 |"),
        comment);
    assertEquals(1, comment.split("<!--", -1).length - 1, comment);
  }

  @Test
  void aReportOfSevenHundredFiftyFindingsKeepsItsTableAndFitsInAComment() {
    List<PlanProblem> findings = new java.util.ArrayList<>();
    for (int i = 0; i < 750; i++) {
      findings.add(PlanProblem.warning(3 + i, "task `t" + i % 30 + "`: `t" + i % 30 + "/dir" + i + "/**` matches no existing "
          + "file (a typo? new files are fine)"));
    }

    String comment = TrackingComment.accepted(rows(30, "Task"), oneLevel(30), findings, false, Optional.empty());

    assertTrue(comment.length() <= 65_536, "length " + comment.length());
    assertTrue(comment.contains("| 1 | `t29` Task | #129 | pending |"), comment);
    assertTrue(comment.contains("- line 3: task `t0`"), comment);
    assertTrue(comment.endsWith("`/workstreams cancel <task>`.\n"), "the footer stays");
  }

  @Test
  void aRejectedPlanWithThousandsOfProblemsSaysTheVerdictAndTheFirstOnes() {
    List<PlanProblem> problems = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      problems.add(PlanProblem.error(i + 1, "tasks `a" + i + "` and `b" + i + "` can both own `x`: `**` (a" + i + ") and "
          + "`**` (b" + i + ") overlap; narrow one of them, or list the path under `shared` in .github/workstreams.yml"));
    }

    String comment = TrackingComment.rejected(problems);

    assertTrue(comment.length() <= 65_536, "length " + comment.length());
    assertTrue(comment.startsWith("<!-- workstreams:tracking -->\n### workstreams: this plan was not accepted\n\n"
        + "2000 problems must be fixed"), comment.substring(0, 200));
    assertTrue(comment.contains("- line 1: tasks `a0`"));
    assertTrue(comment.matches("(?s).*- … and \\d+ more problems\n$"), comment.substring(comment.length() - 200));
  }

  @Test
  void aRejectedEditGoesAboveTheTable() {
    String edit = TrackingComment.rejectedEdit(List.of(PlanProblem.error(4, "task `a` depends on itself")));

    String comment = TrackingComment.accepted(rows(1, "Task"), oneLevel(1), List.of(), false, Optional.empty(), edit);

    assertEquals("""
        <!-- workstreams:tracking -->
        ### workstreams

        **The last edit of the plan was not applied**: the workstreams below go on under the plan as it was before the edit.

        One problem must be fixed before the edit is applied. Edit the issue to fix it; the plan is checked again on every edit.

        - line 4: task `a` depends on itself

        | merge order | task | pull request | state |
        |---|---|---|---|
        | 1 | `t0` Task | #100 | pending |

        Critical path: `t0` (1 of 1 tasks). Widest level: 1. Expected speed-up over one session: 1.00×.

        Merge in merge order: 1 first; pull requests with the same number in any order. Commands: `/workstreams status`, `/workstreams retry <task>`, `/workstreams cancel <task>`.
        """, comment);
  }

  @Test
  void aRejectedEditIsBoundedSoThatTheTableKeepsItsRoom() {
    List<PlanProblem> problems = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      problems.add(PlanProblem.error(i, "problem number " + i + " of a long list of problems"));
    }

    String edit = TrackingComment.rejectedEdit(problems);

    assertTrue(edit.length() <= TrackingComment.MAX_REJECTED_EDIT_CHARS, "length " + edit.length());
    assertTrue(edit.contains("more problems"), edit.substring(edit.length() - 100));
  }

  @Test
  void aProblemQuotingAHugeKeyIsCutSoThatTheOthersAreStillListed() {
    String comment = TrackingComment.rejected(List.of(
        PlanProblem.error(2, "unknown key `" + "k".repeat(70_000) + "` in the plan"),
        PlanProblem.error(3, "task `a` depends on itself")));

    assertTrue(comment.length() <= 65_536, "length " + comment.length());
    assertTrue(comment.contains("- line 2: unknown key `kkk"), comment.substring(0, 300));
    assertTrue(comment.contains("k…\n- line 3: task `a` depends on itself\n"), "each problem keeps its line");
  }
}
