package dev.workstreams.workflow.preview;

import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IntegrationBranches;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.plans.support.TrackingComments;

/**
 * The conflict radar and the integration preview, registered on the router after the plan's own
 * reactions (handlers of one event run in registration order), so that they see what those recorded.
 */
public final class PreviewWorkflows {

  /** The App's own event for an agent run that ended (ReportAgentOutcome's). */
  private static final String AGENT_FINISHED = "workstreams.agent_finished";

  private PreviewWorkflows() {}

  /**
   * @param baseConflicts who takes a workstream's conflict with the base ({@link BaseConflicts#REPORT}: nobody, the
   *     radar's comment reports it)
   */
  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways, RepoConfigs configs,
      IntegrationBranches branches, BaseConflicts baseConflicts) {
    IntegrationRefresh refresh = new IntegrationRefresh(store, branches, new TrackingComments(store), baseConflicts);
    KeepIntegrationCurrent keep = new KeepIntegrationCurrent(gateways, store, configs, refresh);
    for (String action : new String[] {"opened", "reopened", "synchronize", "ready_for_review", "closed"}) {
      router.on("pull_request." + action, keep);
    }
    router.on("issues.unlabeled", keep);
    router.on(AGENT_FINISHED, keep);
    router.on("check_suite.completed", keep);
    return router;
  }
}
