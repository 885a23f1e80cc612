package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.testing.Events;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportAgentOutcomeTest {

  private final PlanFixture fixture = new PlanFixture();
  private ReportAgentOutcome reaction;

  @BeforeEach
  void anAgentIsRunningForSchema() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    StoredWorkstream running = row("schema").withState(WorkstreamState.RUNNING, "")
        .withAgentRun(1, Optional.of(Instant.parse("2026-12-05T12:00:00Z")), Optional.empty(), Duration.ZERO);
    fixture.store.saveWorkstream(fixture.github.repository(), 7, running);
    reaction = new ReportAgentOutcome(fixture.github, fixture.store, (github, plan) -> fixture.advanced.add(plan),
        Clock.fixed(Instant.parse("2026-12-05T12:40:00Z"), ZoneOffset.UTC));
    fixture.advanced.clear();
  }

  @Test
  void aCleanSuccessfulRunIsRecordedMadeReadyWithoutACommentAndMovesThePlanOn() throws Exception {
    report(AgentReport.Result.SUCCEEDED);

    assertEquals(WorkstreamState.PUSHED, row("schema").state());
    assertEquals(0, outcomeComments().size());
    assertTrue(fixture.github.readyForReview().contains(fixture.pullRequestOf("schema")));
    assertEquals(1, fixture.advanced.size());
  }

  @Test
  void aCommentThatFailedIsPostedOnTheRetryAndOnlyOnce() throws Exception {
    fixture.github.failingOnce("write comment #" + fixture.pullRequestOf("schema"));

    assertThrows(IOException.class, () -> report(AgentReport.Result.FAILED));
    assertEquals(WorkstreamState.RUNNING, row("schema").state());

    report(AgentReport.Result.FAILED);
    report(AgentReport.Result.FAILED);

    assertEquals(WorkstreamState.FAILED, row("schema").state());
    assertEquals(1, outcomeComments().size());
    assertEquals(2, fixture.advanced.size());
  }

  @Test
  void aLateReportOfAnEarlierAttemptChangesNothing() throws Exception {
    fixture.github.forgetCalls();

    reaction.handle(Events.context(ReportAgentOutcome.EVENT, ReportAgentOutcome.payload(7, report(AgentReport.Result.FAILED, 0))));

    assertEquals(WorkstreamState.RUNNING, row("schema").state());
    assertEquals(List.of(), fixture.github.calls());
    assertEquals(List.of(), fixture.advanced);
  }

  private void report(AgentReport.Result result) throws Exception {
    reaction.handle(Events.context(ReportAgentOutcome.EVENT, ReportAgentOutcome.payload(7, report(result, 1))));
  }

  private AgentReport report(AgentReport.Result result, int attempt) {
    return new AgentReport(fixture.github.repository(), 7, "schema", attempt, result, "exit status 0 after 40m", 2400,
        result == AgentReport.Result.SUCCEEDED, List.of(), List.of("done"));
  }

  private List<String> outcomeComments() {
    return fixture.github.commentsOn(fixture.pullRequestOf("schema")).stream().map(c -> c.body())
        .filter(body -> body.contains(Markers.agentOutcome("schema", 1))).toList();
  }

  private StoredWorkstream row(String taskId) {
    return fixture.store.workstreams(fixture.github.repository(), 7).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst().orElseThrow();
  }
}
