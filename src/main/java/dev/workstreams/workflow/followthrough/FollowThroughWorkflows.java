package dev.workstreams.workflow.followthrough;

import dev.workstreams.port.FollowThroughGateways;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RevisionStore;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.plans.CarryOutDashboardRequest;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.time.Clock;

/** Follow-through's reactions: what records a revision trigger, registered on the router by event and action. */
public final class FollowThroughWorkflows {

  private FollowThroughWorkflows() {}

  /** @param progress the plan scheduler, which starts revisions before new tasks */
  public static EventRouter register(EventRouter router, PlanStore store, RevisionStore revisions, GitHubGateways gateways,
      FollowThroughGateways followThrough, RepoConfigs configs, PlanProgress progress, Clock clock) {
    TriggerIntake intake = new TriggerIntake(store, revisions, configs, progress, clock);
    RecordHeadWhenPushed heads = new RecordHeadWhenPushed(intake);
    return router
        .on("pull_request_review.submitted", new ReviseWhenReviewAsksForChanges(gateways, followThrough, intake))
        .on("pull_request_review.dismissed", new DropRevisionWhenReviewDismissed(intake))
        .on("issue_comment.created", new ReviseWhenAWriterAsks(gateways, intake))
        .on("check_suite.completed", new ReviseWhenChecksFail(gateways, followThrough, intake, clock))
        .on("pull_request.closed", new UpdateSiblingsWhenMerged(gateways, followThrough, store, intake))
        .on("pull_request.opened", heads)
        .on("pull_request.synchronize", heads)
        .on(CarryOutDashboardRequest.EVENT + "." + CarryOutDashboardRequest.ACTION,
            new ReviseWhenAskedOnTheDashboard(gateways, store, intake));
  }
}
