package dev.workstreams.workflow.plans;

import dev.workstreams.port.AgentWorkers;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.Planner;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.drafts.DraftWorkflows;
import dev.workstreams.workflow.plans.support.AgentScheduler;
import dev.workstreams.workflow.plans.support.CommandRequests;
import dev.workstreams.workflow.plans.support.Notices;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.plans.support.PlanRevisions;
import dev.workstreams.workflow.plans.support.ReconcilePlan;
import dev.workstreams.workflow.plans.support.TrackingComments;
import java.time.Clock;
import java.util.Optional;

/** The plan issue's reactions, registered on the router by event and action. */
public final class PlanWorkflows {

  private PlanWorkflows() {}

  /**
   * @param workers the instance's agent workers, which the scheduler keeps busy within each plan's capacity
   * @param withoutAgents what moves a plan forward after its workstreams changed when there are no workers:
   *     {@link PlanProgress#NONE} (workstreams are opened for people), or a recorder in tests
   */
  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs,
      Clock clock, Optional<AgentWorkers> workers, PlanProgress withoutAgents) {
    return register(router, store, gateways, configs, clock, workers, withoutAgents, Planner.NONE);
  }

  /** @param planner the operator's planner, for {@code /workstreams draft} ({@link Planner#NONE}: none) */
  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs,
      Clock clock, Optional<AgentWorkers> workers, PlanProgress withoutAgents, Planner planner) {
    registerWithRevisions(router, store, gateways, configs, clock, workers, withoutAgents, PlanRevisions.NONE, planner);
    return router;
  }

  /**
   * The same, with follow-through's revisions started by the scheduler before new tasks; returns what moves a
   * plan forward, for follow-through's own reactions.
   */
  public static PlanProgress registerWithRevisions(EventRouter router, PlanStore store, GitHubGateways gateways,
      RepoConfigs configs, Clock clock, Optional<AgentWorkers> workers, PlanProgress withoutAgents,
      PlanRevisions revisions, Planner planner) {
    TrackingComments tracking = new TrackingComments(store);
    PlanProgress progress = workers.<PlanProgress>map(w -> new AgentScheduler(store, w, tracking, clock, revisions))
        .orElse(withoutAgents);
    wire(router, store, gateways, configs, clock, tracking, progress);
    DraftWorkflows.register(router, gateways, configs, planner, new ReconcilePlan(store, tracking, clock, progress));
    if (workers.isPresent()) {
      router.on(ReportAgentOutcome.EVENT + "." + ReportAgentOutcome.ACTION, new ReportAgentOutcome(gateways, store, progress, clock));
    }
    return progress;
  }

  private static void wire(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs, Clock clock,
      TrackingComments tracking, PlanProgress progress) {
    ReconcilePlan reconcile = new ReconcilePlan(store, tracking, clock, progress);
    Notices notices = new Notices();
    router
        .on("issues.labeled", new OpenWorkstreamsWhenPlanLabelled(gateways, configs, reconcile, notices))
        .on("issues.edited", new ReconcilePlanWhenEdited(gateways, configs, store, reconcile, notices))
        .on("issues.unlabeled", new CancelPlanWhenUnlabelled(gateways, configs, store, tracking, progress))
        .on("issue_comment.created", new AnswerCommentCommands(gateways, store, new CommandRequests(store), progress))
        .on("pull_request.closed", new RecordWorkstreamWhenClosed(gateways, store, tracking, progress, clock))
        .on("pull_request.reopened", new RecordWorkstreamWhenReopened(gateways, store, tracking, progress))
        .on(ReportGiveUpWhenParked.EVENT + "." + ReportGiveUpWhenParked.ACTION, new ReportGiveUpWhenParked(gateways))
        .on(CarryOutDashboardRequest.EVENT + "." + CarryOutDashboardRequest.ACTION,
            new CarryOutDashboardRequest(gateways, store, new CommandRequests(store), progress));
  }
}
