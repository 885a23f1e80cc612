package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EstimateFieldTest {

  private final PlanChecker checker = new PlanChecker();

  private PlanReport check(String yaml) {
    return checker.check("```plan\n" + yaml + "```\n", List.of());
  }

  @Test
  void readsAnEstimateInHoursMinutesOrBoth() {
    PlanReport report = check("""
        tasks:
          - id: a
            title: A
            owns: [a/**]
            estimate: 45m
          - id: b
            title: B
            owns: [b/**]
            estimate: 1h30m
          - id: c
            title: C
            owns: [c/**]
        """);

    assertTrue(report.valid(), report.problems()::toString);
    assertEquals(Optional.of(WorkDuration.ofMinutes(45)), report.plan().task("a").orElseThrow().estimate());
    assertEquals(Optional.of(WorkDuration.ofMinutes(90)), report.plan().task("b").orElseThrow().estimate());
    assertEquals(Optional.empty(), report.plan().task("c").orElseThrow().estimate());
  }

  @Test
  void refusesAnEstimateWithoutUnitOrOfTheWrongShapeWithItsLine() {
    PlanReport report = check("""
        tasks:
          - id: a
            title: A
            owns: [a/**]
            estimate: 45
          - id: b
            title: B
            owns: [b/**]
            estimate: [1h]
          - id: c
            title: C
            owns: [c/**]
            estimate: 0m
        """);

    assertEquals(List.of(
        "line 6: task `a`: `estimate` must be a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, "
            + "seconds `s`; above zero, at most 999h), but it is `45`",
        "line 10: task `b`: `estimate` must be a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, "
            + "seconds `s`; above zero, at most 999h), but it is a list",
        "line 14: task `c`: `estimate` must be a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, "
            + "seconds `s`; above zero, at most 999h), but it is `0m`"),
        report.errors().stream().map(PlanProblem::toString).toList());
  }

  @Test
  void suggestsEstimateForAMisspelledKey() {
    PlanReport report = check("""
        tasks:
          - id: a
            title: A
            owns: [a/**]
            estimte: 1h
        """);

    assertTrue(report.errors().get(0).message().contains("(did you mean `estimate`?)"), report.errors()::toString);
  }
}
