package dev.workstreams.workflow.followthrough;

import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.PullRequestReviewPayload;
import java.util.Optional;

/**
 * {@code pull_request_review.dismissed}: a review dismissed before its revision started no longer asks
 * for anything; its trigger is dropped with that note. A revision already running is left to finish.
 */
public final class DropRevisionWhenReviewDismissed implements EventHandler {

  private final TriggerIntake intake;

  DropRevisionWhenReviewDismissed(TriggerIntake intake) {
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<PullRequestReviewPayload> event = PullRequestReviewPayload.from(context);
    if (event.isEmpty()) {
      return;
    }
    Optional<TriggerIntake.Workstream> w = intake.workstream(event.get().repository(), event.get().pullRequest());
    if (w.isEmpty()) {
      return;
    }
    String key = "review:" + event.get().reviewId();
    var repository = w.get().plan().repository();
    int issue = w.get().plan().issue();
    // The store drops it only while it waits: a revision already started for it is left alone.
    intake.revisions().dropped(repository, issue, w.get().taskId(), key, "stale: the review was dismissed");
  }
}
