package dev.workstreams.core.dashboard;

import static dev.workstreams.core.schedule.WorkstreamState.CLOSED;
import static dev.workstreams.core.schedule.WorkstreamState.FAILED;
import static dev.workstreams.core.schedule.WorkstreamState.MERGED;
import static dev.workstreams.core.schedule.WorkstreamState.PUSHED;
import static dev.workstreams.core.schedule.WorkstreamState.QUEUED;
import static dev.workstreams.core.schedule.WorkstreamState.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.dashboard.PlanStanding.Word;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanStandingTest {

  @Test
  void aRejectedPlanIsInvalidAndACancelledOneCancelledWhateverItsWorkstreams() {
    assertEquals(Word.INVALID, PlanStanding.of(true, false, Map.of(RUNNING, 1), 3).word());
    assertEquals(Word.CANCELLED, PlanStanding.of(false, true, Map.of(RUNNING, 1), 3).word());
  }

  @Test
  void allMergedOrClosedIsDone() {
    PlanStanding standing = PlanStanding.of(false, false, Map.of(MERGED, 4, CLOSED, 1), 3);
    assertEquals(Word.DONE, standing.word());
    assertEquals(5, standing.total());
    assertEquals(4, standing.merged());
  }

  @Test
  void pushedWorkWithNoAgentRunningWaitsForReview() {
    assertEquals(Word.WAITING_FOR_REVIEW, PlanStanding.of(false, false, Map.of(PUSHED, 2, QUEUED, 1), 2).word());
    assertEquals(Word.RUNNING, PlanStanding.of(false, false, Map.of(PUSHED, 2, RUNNING, 1), 3).word());
  }

  @Test
  void countsWorkstreamsInFlightAgainstCapacity() {
    PlanStanding standing = PlanStanding.of(false, false, Map.of(RUNNING, 1, PUSHED, 1, FAILED, 1, QUEUED, 4), 3);
    assertEquals(3, standing.inFlight());
    assertEquals(3, standing.maxParallel());
    assertEquals("running", standing.word().text());
  }

  @Test
  void aPlanWithoutWorkstreamsYetIsRunning() {
    assertEquals(Word.RUNNING, PlanStanding.of(false, false, Map.of(), 4).word());
  }
}
