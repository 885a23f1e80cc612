package dev.workstreams.workflow.drafts;

import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.Planner;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.plans.support.ReconcilePlan;

/** Drafting's reactions: {@code /workstreams draft}, the draft label, and {@code /workstreams accept}. */
public final class DraftWorkflows {

  private DraftWorkflows() {}

  public static EventRouter register(EventRouter router, GitHubGateways gateways, RepoConfigs configs, Planner planner,
      ReconcilePlan reconcile) {
    DraftPlanWhenAsked draft = new DraftPlanWhenAsked(gateways, new PlanDrafting(gateways, configs, planner));
    return router
        .on("issue_comment.created", draft)
        .on("issues.labeled", draft)
        .on("issue_comment.created", new AcceptDraftedPlan(gateways, configs, reconcile));
  }
}
