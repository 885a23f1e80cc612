package dev.workstreams.workflow.ownership;

import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.workflow.EventRouter;

/** Ownership policing on pull requests, registered on the router by event and action. */
public final class OwnershipWorkflows {

  private OwnershipWorkflows() {}

  public static EventRouter register(EventRouter router, PlanStore store, GitHubGateways gateways) {
    CheckOwnershipOnPush check = new CheckOwnershipOnPush(gateways, store);
    WarnWhenAPullRequestTouchesOwnedFiles warn = new WarnWhenAPullRequestTouchesOwnedFiles(gateways, store);
    for (String action : new String[] {"opened", "reopened", "synchronize", "ready_for_review"}) {
      router.on("pull_request." + action, check);
    }
    for (String action : new String[] {"opened", "reopened", "synchronize"}) {
      router.on("pull_request." + action, warn);
    }
    return router;
  }
}
