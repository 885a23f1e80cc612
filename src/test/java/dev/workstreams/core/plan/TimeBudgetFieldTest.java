package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's optional {@code time_budget}: the agent time all its tasks may use together (follow-through). */
class TimeBudgetFieldTest {

  private final PlanChecker checker = new PlanChecker();

  private PlanReport check(String yaml) {
    return checker.check("```plan\n" + yaml + "```\n", List.of());
  }

  @Test
  void readsTheWholePlansTimeBudget() {
    PlanReport report = check("""
        time_budget: 3h30m
        tasks:
          - {id: a, title: A, owns: [a/**]}
        """);

    assertTrue(report.valid(), report.problems()::toString);
    assertEquals(Optional.of(WorkDuration.ofMinutes(210)), report.plan().timeBudget());
  }

  @Test
  void aPlanWithoutOneHasNone() {
    PlanReport report = check("tasks:\n  - {id: a, title: A, owns: [a/**]}\n");

    assertEquals(Optional.empty(), report.plan().timeBudget());
  }

  @Test
  void refusesWhatIsNotADurationWithItsLine() {
    PlanReport report = check("""
        tasks:
          - {id: a, title: A, owns: [a/**]}
        time_budget: [2h]
        """);

    assertFalse(report.valid());
    assertEquals(List.of("line 4: `time_budget` must be " + WorkDuration.expected() + ", but it is a list"),
        report.problems().stream().map(PlanProblem::toString).toList());
  }
}
