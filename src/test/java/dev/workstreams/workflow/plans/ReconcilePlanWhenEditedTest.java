package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.port.PlanState;
import org.junit.jupiter.api.Test;

class ReconcilePlanWhenEditedTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void aTaskAddedToARunningPlanGetsItsWorkstream() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    String withOneMore = PlanFixture.EXAMPLE.replace("```\n\nReview notes", """
          - id: changelog-check
            title: Check the changelog in CI
            owns: [ci/changelog/**]
        ```

        Review notes""");

    fixture.edited(withOneMore, "writer");

    assertTrue(fixture.github.branchNames().contains("workstreams/7-changelog-check"), fixture.github.branchNames().toString());
    assertEquals(6, fixture.github.pullRequests().size());
    assertEquals(1, fixture.github.commentsOn(7).size());
  }

  @Test
  void anEditThatBreaksTheRunningPlanKeepsItRunningAndCreatesNothing() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.github.forgetCalls();

    fixture.edited(PlanFixture.OVERLAPPING, "writer");

    assertEquals(PlanState.ACTIVE, fixture.plan().state());
    assertEquals(5, fixture.github.pullRequests().size());
    assertTrue(fixture.github.writes().stream().noneMatch(w -> w.startsWith("write branch") || w.startsWith("write pull request ")),
        fixture.github.writes().toString());
  }
}
