package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.IssueComment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracking comment carries the simulation: one line and a small table. */
class TrackingSimulationTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void theTrackingCommentShowsTheExpectedWallTimeAtThePlansCapacity() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    List<IssueComment> tracking = fixture.github.commentsWithMarker(7, Markers.TRACKING);
    assertEquals(1, tracking.size());
    String body = tracking.get(0).body();
    // the example: five tasks without estimates (1h each), three levels, max_parallel 3, review 30m
    assertTrue(body.contains("Expected wall time at max_parallel 3: **4h30m** (one at a time: 7h30m, reviewer idle 2h); "
        + "more than 2 in flight does not help. Review time 30m per pull request; 5 tasks have no `estimate`, taken as 1h."),
        body);
    assertTrue(body.contains("| max_parallel | wall time | reviewer idle | speed-up |\n|---|---|---|---|\n"
        + "| 1 | 7h30m | 5h | 1.00× |\n| 2 | 4h30m | 2h | 1.67× |\n| **3** (plan) | 4h30m | 2h | 1.67× |\n"), body);
  }
}
