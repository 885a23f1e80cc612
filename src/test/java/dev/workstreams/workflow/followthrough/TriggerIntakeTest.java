package dev.workstreams.workflow.followthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.testing.FakeRevisionStore;
import dev.workstreams.workflow.plans.PlanFixture;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a trigger leaves for the scheduler: the repository's limits and the plan's own time budget. */
class TriggerIntakeTest {

  private final PlanFixture fx = new PlanFixture();
  private final FakeRevisionStore revisions = new FakeRevisionStore();
  private final TriggerIntake intake = new TriggerIntake(fx.store, revisions, fx.configs, PlanProgress.NONE,
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));

  private OptionalLong budgetAfterAReviewOn(String body) throws Exception {
    fx.labelled(body, "plan", "writer");
    int pr = fx.pullRequestOf("api");
    TriggerIntake.Workstream w = intake.workstream(fx.github.repository(), pr).orElseThrow();
    assertTrue(intake.accept(fx.github, w, "main", new Trigger.Review(600, "writer", false, "Fix", List.of(), "head")));
    return revisions.settings(fx.github.repository(), 7).orElseThrow().planTimeBudgetSeconds();
  }

  @Test
  void keepsThePlansTimeBudgetFromItsBody() throws Exception {
    assertEquals(OptionalLong.of(90 * 60), budgetAfterAReviewOn("""
        ```plan
        time_budget: 1h30m
        tasks:
          - {id: api, title: API, owns: [src/**]}
        ```
        """));
  }

  @Test
  void aPlanWithoutOneIsBoundOnlyPerTask() throws Exception {
    assertEquals(OptionalLong.empty(), budgetAfterAReviewOn("""
        ```plan
        tasks:
          - {id: api, title: API, owns: [src/**]}
        ```
        """));
  }
}
