package dev.workstreams.workflow.actions;

import dev.workstreams.port.ActionsRuns;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.WorkflowRunPayload;
import java.util.Optional;

/**
 * {@code workflow_run.completed}: a dispatched run of the repository finished. When it is one of the
 * App's agent attempts on GitHub Actions, its result is taken in (verified, pushed, reported);
 * every other run, and every run not started by a dispatch, is left alone.
 */
public final class CollectAgentRunWhenCompleted implements EventHandler {

  private final ActionsRuns runs;

  public CollectAgentRunWhenCompleted(ActionsRuns runs) {
    this.runs = runs;
  }

  @Override
  public void handle(EventContext context) {
    Optional<WorkflowRunPayload> event = WorkflowRunPayload.from(context);
    if (event.isPresent() && event.get().event().equals("workflow_dispatch")) {
      runs.completed(event.get().repository(), event.get().run());
    }
  }
}
