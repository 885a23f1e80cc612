package dev.workstreams.workflow.followthrough;

import dev.workstreams.port.RevisionStore.Revisions;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.PullRequestPayload;
import java.util.Optional;

/**
 * {@code pull_request.opened}, {@code synchronize}: the workstream's head as GitHub now has it, so that a
 * CI trigger about an older head is known to be stale when its revision would start.
 */
public final class RecordHeadWhenPushed implements EventHandler {

  private final TriggerIntake intake;

  RecordHeadWhenPushed(TriggerIntake intake) {
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) {
    Optional<PullRequestPayload> event = PullRequestPayload.from(context);
    if (event.isEmpty() || event.get().headSha().isEmpty()) {
      return;
    }
    Optional<TriggerIntake.Workstream> w = intake.workstream(event.get().repository(), event.get().number());
    if (w.isEmpty()) {
      return;
    }
    var repository = w.get().plan().repository();
    int issue = w.get().plan().issue();
    Revisions now = intake.revisions().revisions(repository, issue).getOrDefault(w.get().taskId(), Revisions.NONE);
    if (!now.headSha().equals(event.get().headSha())) {
      intake.revisions().saveRevisions(repository, issue, w.get().taskId(), now.withHead(event.get().headSha()));
    }
  }
}
