package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.StoredWorkstream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWorkstreamWhenReopenedTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void aWorkstreamClosedByMistakeComesBackWhenItsPullRequestIsReopened() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    int docs = fixture.pullRequestOf("docs");
    fixture.closed(docs, false);
    fixture.github.reopen(docs);
    fixture.advanced.clear();

    fixture.reopened(docs);
    fixture.reopened(docs);

    assertEquals(WorkstreamState.OPEN, row("docs").state());
    assertEquals(1, fixture.advanced.size());
  }

  @Test
  void reopeningAPullRequestThatIsNoWorkstreamCostsNothing() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    int other = fixture.github.openPullRequest("feature/x", "main", "Other", "none").number();
    fixture.github.forgetCalls();

    fixture.reopened(other);

    assertEquals(List.of(), fixture.github.calls());
  }

  private StoredWorkstream row(String taskId) {
    return fixture.store.workstreams(fixture.github.repository(), 7).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst().orElseThrow();
  }
}
