package dev.workstreams.core.followthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.followthrough.RevisionQueue.Candidate;
import dev.workstreams.core.followthrough.RevisionQueue.Decision;
import dev.workstreams.core.schedule.WorkstreamState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RevisionQueueTest {

  private static final FollowThroughSettings SETTINGS = FollowThroughSettings.DEFAULTS;

  private static Trigger review(long id) {
    return new Trigger.Review(id, "mona", false, "please fix", List.of(), "head1");
  }

  private static Trigger revise(long id) {
    return new Trigger.Review(id, "mona", true, "/workstreams revise", List.of(), "head1");
  }

  private static Trigger checks(String head, long suite) {
    return new Trigger.ChecksFailed(head, suite, List.of(new Trigger.FailedCheck("test", "failure", "", "", List.of(), List.of())));
  }

  private static Candidate candidate(String task, int order, WorkstreamState state, List<Trigger> pending, int used) {
    return new Candidate(task, order, state, "head1", pending, used, false, 600);
  }

  private static Decision decide(int slots, Candidate... candidates) {
    return RevisionQueue.decide(List.of(candidates), SETTINGS, 0, slots);
  }

  @Test
  void foldsEveryWaitingTriggerOfAWorkstreamIntoOneRevision() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.PUSHED, List.of(review(1), checks("head1", 9)), 0));
    assertEquals(1, d.start().size());
    assertEquals(2, d.start().get(0).triggers().size());
    assertEquals(1, d.start().get(0).number());
  }

  @Test
  void neverStartsWhileTheAgentRunsButKeepsTheTriggers() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.RUNNING, List.of(review(1)), 0));
    assertEquals(List.of(), d.start());
    assertEquals(List.of(), d.dropped());
    assertEquals(Map.of("a", "waits for the running agent to finish"), d.waiting());
  }

  @Test
  void dropsACiTriggerWhoseHeadMovedWithANote() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.PUSHED, List.of(checks("old1234567", 3)), 0));
    assertEquals(List.of(), d.start());
    assertEquals(1, d.dropped().size());
    assertEquals("stale: the head moved from old1234 to head1", d.dropped().get(0).reason());
  }

  @Test
  void aReviewOnAnOlderHeadStillCounts() {
    Trigger older = new Trigger.Review(5, "mona", false, "x", List.of(), "older");
    assertEquals(1, decide(4, candidate("a", 1, WorkstreamState.PUSHED, List.of(older), 0)).start().size());
  }

  @Test
  void atTheLimitTheWorkstreamNeedsAHumanAndNothingStarts() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.PUSHED, List.of(checks("head1", 3)), 3));
    assertEquals(List.of(), d.start());
    assertEquals(Map.of("a", "the limit of 3 revisions is reached"), d.needsHuman());
    assertEquals("the limit of 3 revisions is reached", d.dropped().get(0).reason());
  }

  @Test
  void aWorkstreamThatNeedsAHumanIgnoresTriggersUntilSomeoneAsksForARevision() {
    Candidate waiting = new Candidate("a", 1, WorkstreamState.PUSHED, "head1", List.of(review(2)), 1, true, 0);
    Decision d = RevisionQueue.decide(List.of(waiting), SETTINGS, 0, 4);
    assertEquals(List.of(), d.start());
    assertTrue(d.dropped().get(0).reason().contains("waits for a person"));
    assertEquals(Map.of(), d.needsHuman(), "the label and the comment come once");

    Candidate asked = new Candidate("a", 1, WorkstreamState.PUSHED, "head1", List.of(review(2), revise(3)), 3, true, 0);
    Decision again = RevisionQueue.decide(List.of(asked), SETTINGS, 0, 4);
    assertEquals(1, again.start().size());
    assertEquals(1, again.start().get(0).number(), "the count starts over");
    assertTrue(again.start().get(0).resetCount());
  }

  @Test
  void nothingStartsPastTheTasksAgentTimeBudget() {
    Candidate spent = new Candidate("a", 1, WorkstreamState.PUSHED, "head1", List.of(review(1)), 0, false, 121 * 60);
    Decision d = RevisionQueue.decide(List.of(spent), SETTINGS, 0, 4);
    assertEquals(List.of(), d.start());
    assertEquals("the task's agent time budget of 2h is used (2h 1m)", d.dropped().get(0).reason());
  }

  @Test
  void nothingStartsPastThePlansTimeBudget() {
    FollowThroughSettings withPlanBudget = SETTINGS.withPlanTimeBudget(OptionalLong.of(3600));
    Decision d = RevisionQueue.decide(List.of(candidate("a", 1, WorkstreamState.PUSHED, List.of(review(1)), 0)),
        withPlanBudget, 90 * 60, 4);
    assertEquals(List.of(), d.start());
    assertEquals("the plan's time budget of 1h is used (1h 30m)", d.dropped().get(0).reason());
  }

  @Test
  void pullRequestsAwaitingReviewGoFirstThenLowerMergeOrder() {
    Decision d = decide(2,
        candidate("failed", 1, WorkstreamState.FAILED, List.of(review(1)), 0),
        candidate("late", 3, WorkstreamState.PUSHED, List.of(review(2)), 0),
        candidate("early", 2, WorkstreamState.PUSHED, List.of(review(3)), 0));
    assertEquals(List.of("early", "late"), d.start().stream().map(RevisionQueue.Revision::taskId).toList());
    assertEquals(Map.of("failed", "waits for a free agent slot"), d.waiting());
  }

  @Test
  void triggersOfAFinishedWorkstreamAreDropped() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.MERGED, List.of(review(1)), 0));
    assertEquals("the pull request is merged", d.dropped().get(0).reason());
  }

  @Test
  void aTaskWhoseFirstRunHasNotHappenedKeepsItsTriggers() {
    Decision d = decide(4, candidate("a", 1, WorkstreamState.QUEUED, List.of(review(1)), 0));
    assertEquals(List.of(), d.start());
    assertEquals(List.of(), d.dropped());
  }

  @Test
  void triggerKeysNameWhatTriggeredExactly() {
    assertEquals("review:42", review(42).key());
    assertEquals("revise:43", revise(43).key());
    assertEquals("checks:abc:7", checks("abc", 7).key());
    assertEquals("merge:m1", new Trigger.SiblingConflict("m1", 101, "main", List.of("a")).key());
  }

  @Test
  void theStatusShowsRevisionsLastTriggerAgentTimeAndNeedsHuman() {
    assertEquals("revisions 2/3 · last: changes requested by @mona · agent time 1h 5m · needs human",
        new RevisionStatus(2, 3, Optional.of(review(1).describe()), 65 * 60, true).text());
    assertEquals("revisions 0/3 · agent time 42s", new RevisionStatus(0, 3, Optional.empty(), 42, false).text());
  }
}
