package dev.workstreams.workflow.plans;

import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventRouter;
import java.time.Clock;

/** The plan issue's reactions, registered on the router by event and action. */
public final class PlanWorkflows {

  private PlanWorkflows() {}

  /** Without an agent scheduler: closed and merged workstreams are recorded, nothing starts by itself. */
  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs, Clock clock) {
    return register(router, store, gateways, configs, clock, PlanProgress.NONE);
  }

  /** {@code progress} moves a plan forward after one of its workstreams was merged or closed. */
  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs,
      Clock clock, PlanProgress progress) {
    TrackingComments tracking = new TrackingComments(store);
    ReconcilePlan reconcile = new ReconcilePlan(store, tracking, clock);
    Notices notices = new Notices();
    return router
        .on("issues.labeled", new OpenWorkstreamsWhenPlanLabelled(gateways, configs, reconcile, notices))
        .on("issues.edited", new ReconcilePlanWhenEdited(gateways, configs, store, reconcile, notices))
        .on("issues.unlabeled", new CancelPlanWhenUnlabelled(gateways, configs, store, tracking))
        .on("issue_comment.created", new AnswerCommentCommands(gateways, store, new CommandRequests(store)))
        .on("pull_request.closed", new RecordWorkstreamWhenClosed(gateways, store, tracking, progress, clock));
  }
}
