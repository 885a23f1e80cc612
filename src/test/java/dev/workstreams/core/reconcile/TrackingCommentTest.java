package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
