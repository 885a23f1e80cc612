package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import java.io.IOException;
import java.util.List;

/**
 * Keeps the one tracking comment of a plan issue: edited in place, written only when its text
 * changes, found again by its marker when the database does not know it (lost, or a crash
 * between creating it and recording it).
 */
public final class TrackingComments {

  private final PlanStore store;

  public TrackingComments(PlanStore store) {
    this.store = store;
  }

  /** Shows {@code body} in the plan's tracking comment; returns the plan as now recorded. */
  public StoredPlan show(GitHubGateway github, StoredPlan plan, String body) throws IOException {
    if (plan.trackingCommentId().isPresent()) {
      if (!plan.trackingCommentBody().equals(body)) {
        github.editComment(plan.trackingCommentId().get(), body);
      }
    } else {
      List<IssueComment> existing = github.commentsWithMarker(plan.issue(), Markers.TRACKING);
      if (existing.isEmpty()) {
        plan = plan.withTrackingComment(github.comment(plan.issue(), body).id(), body);
        store.savePlan(plan);
        return plan;
      }
      IssueComment found = existing.get(0);
      if (!found.body().equals(body)) {
        github.editComment(found.id(), body);
      }
      plan = plan.withTrackingComment(found.id(), body);
      store.savePlan(plan);
      return plan;
    }
    StoredPlan updated = plan.withTrackingComment(plan.trackingCommentId().get(), body);
    if (!plan.trackingCommentBody().equals(body)) {
      store.savePlan(updated);
    }
    return updated;
  }
}
