package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlanSummaryTest {

  @Test
  void showsTasksRoundsTimesAndTheSpeedUpOverRunningTheTasksInTurn() {
    PlanSummary summary = new PlanSummary(5, 3, 2 * 3_600 + 30 * 60, 4 * 3_600 + 10 * 60);

    assertEquals("""
        **Plan finished**: all 5 tasks are merged, in 3 merge rounds (one round per merge-order level).
        Time from the label to the last merge: 2 h 30 min. Agent time summed over tasks: 4 h 10 min.
        Speed-up over running the tasks in turn: 1.67× (summed agent time ÷ time from the label to the last merge).""",
        summary.text());
  }

  @Test
  void saysSoWhenNoAgentTimeWasRecorded() {
    PlanSummary summary = new PlanSummary(1, 1, 3 * 86_400 + 5 * 3_600 + 59, 0);

    assertEquals("""
        **Plan finished**: its one task is merged, in 1 merge round (one round per merge-order level).
        Time from the label to the last merge: 3 d 5 h. Agent time summed over tasks: none.
        Speed-up over running the tasks in turn: not measured, no agent time recorded.""",
        summary.text());
  }

  @Test
  void aSpeedUpBelowOneIsShownAsItIs() {
    PlanSummary summary = new PlanSummary(2, 1, 86_400, 3_600);

    assertEquals("""
        **Plan finished**: all 2 tasks are merged, in 1 merge round (one round per merge-order level).
        Time from the label to the last merge: 1 d. Agent time summed over tasks: 1 h.
        Speed-up over running the tasks in turn: 0.04× (summed agent time ÷ time from the label to the last merge).""",
        summary.text());
  }

  @Test
  void noElapsedTimeGivesNoSpeedUpRatherThanADivisionByZero() {
    PlanSummary summary = new PlanSummary(2, 2, -4, 90);

    assertEquals("""
        **Plan finished**: all 2 tasks are merged, in 2 merge rounds (one round per merge-order level).
        Time from the label to the last merge: 0 s. Agent time summed over tasks: 1 min.
        Speed-up over running the tasks in turn: not measured, no time passed between the label and the last merge.""",
        summary.text());
  }

  @Test
  void durationsKeepTheTwoLargestUnits() {
    assertEquals("59 s", PlanSummary.duration(59));
    assertEquals("1 min", PlanSummary.duration(119));
    assertEquals("1 h", PlanSummary.duration(3_600 + 59));
    assertEquals("1 h 1 min", PlanSummary.duration(3_660));
    assertEquals("2 d 23 h", PlanSummary.duration(3 * 86_400 - 1));
  }
}
