package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.StoredWorkstream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWorkstreamWhenClosedTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void aMergedWorkstreamIsRecordedShownAndMovesThePlanForward() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.advanced.clear();

    fixture.closed(fixture.pullRequestOf("schema"), true);

    assertEquals(WorkstreamState.MERGED, row("schema").state());
    assertTrue(row("schema").mergedAt().isPresent());
    assertTrue(fixture.github.commentsOn(7).get(0).body().contains("merged"), fixture.github.commentsOn(7).get(0).body());
    assertEquals(1, fixture.advanced.size());
  }

  @Test
  void aWorkstreamClosedWithoutMergingIsRecordedAsClosed() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    fixture.closed(fixture.pullRequestOf("docs"), false);

    assertEquals(WorkstreamState.CLOSED, row("docs").state());
    assertTrue(row("docs").mergedAt().isEmpty());
  }

  @Test
  void mergingADependentBeforeItsDependencyIsPointedOutOnceOnThePlanIssue() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    int teamApi = fixture.pullRequestOf("team-api");

    fixture.closed(teamApi, true);
    fixture.closed(teamApi, true);

    List<String> notes = fixture.github.commentsOn(7).stream().map(c -> c.body())
        .filter(body -> !body.startsWith(Markers.TRACKING)).toList();
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("`schema`"), notes.get(0));
  }

  @Test
  void aPullRequestThatIsNoWorkstreamCostsNothing() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    int stranger = fixture.github.openPullRequest("feature/other", "main", "Other work", "Nothing to do with a plan")
        .number();
    fixture.github.forgetCalls();
    fixture.advanced.clear();

    fixture.closed(stranger, true);

    assertEquals(List.of(), fixture.github.calls());
    assertEquals(List.of(), fixture.advanced);
  }

  private StoredWorkstream row(String taskId) {
    return fixture.store.workstreams(fixture.github.repository(), 7).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst().orElseThrow();
  }
}
