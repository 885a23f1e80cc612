package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.port.PlanState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelPlanWhenUnlabelledTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void removingTheTriggerLabelCancelsThePlanAndKeepsItsPullRequests() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.advanced.clear();

    fixture.unlabelled(PlanFixture.EXAMPLE, "plan", "writer");

    assertEquals(PlanState.CANCELLED, fixture.plan().state());
    assertEquals(5, fixture.github.pullRequests().size());
    assertTrue(fixture.github.pullRequests().stream().allMatch(pr -> pr.open()));
    String tracking = fixture.github.commentsOn(7).get(0).body();
    assertTrue(tracking.toLowerCase().contains("cancelled"), tracking);
    assertEquals(1, fixture.advanced.size());
    assertEquals(PlanState.CANCELLED, fixture.advanced.get(0).state());
  }

  @Test
  void removingAnotherLabelOrAnUnknownPlansLabelChangesNothing() throws Exception {
    fixture.unlabelled(PlanFixture.EXAMPLE, "plan", "writer");
    assertEquals(List.of(), fixture.github.calls());

    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.github.forgetCalls();
    fixture.unlabelled(PlanFixture.EXAMPLE, "bug", "writer");

    assertEquals(PlanState.ACTIVE, fixture.plan().state());
    assertEquals(List.of(), fixture.github.writes());
  }
}
