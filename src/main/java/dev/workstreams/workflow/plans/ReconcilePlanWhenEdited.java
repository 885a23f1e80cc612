package dev.workstreams.workflow.plans;

import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.Permission;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssuePayload;
import dev.workstreams.workflow.plans.support.Notices;
import dev.workstreams.workflow.plans.support.PlanIssue;
import dev.workstreams.workflow.plans.support.ReconcilePlan;
import java.util.Optional;

/**
 * {@code issues.edited} on a labelled plan: the new plan is reconciled (new tasks opened, changed
 * ones updated, removed ones flagged) if the editor may change it; a broken edit changes nothing.
 */
public final class ReconcilePlanWhenEdited implements EventHandler {

  private final GitHubGateways gateways;
  private final RepoConfigs configs;
  private final PlanStore store;
  private final ReconcilePlan reconcile;
  private final Notices notices;

  public ReconcilePlanWhenEdited(GitHubGateways gateways, RepoConfigs configs, PlanStore store, ReconcilePlan reconcile,
      Notices notices) {
    this.gateways = gateways;
    this.configs = configs;
    this.store = store;
    this.reconcile = reconcile;
    this.notices = notices;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssuePayload> event = IssuePayload.from(context);
    if (event.isEmpty() || event.get().sender().isBot() || !event.get().bodyChanged()) {
      return;
    }
    PlanIssue issue = PlanIssue.from(event.get());
    Optional<StoredPlan> recorded = store.plan(issue.repository(), issue.number());
    boolean known = recorded.map(p -> p.state() != PlanState.CANCELLED).orElse(false);
    if (!known) {
      return; // never labelled, or cancelled: an edit alone starts nothing
    }
    GitHubGateway github = gateways.forRepository(issue.repository());
    if (!(configs.load(issue.repository(), issue.defaultBranch()) instanceof RepoConfigResult.Valid valid)
        || !event.get().issue().hasLabel(valid.config().triggerLabel())) {
      return;
    }
    String sender = event.get().sender().login();
    Permission permission = github.permission(sender);
    if (!permission.canWrite()) {
      notices.permissionRefused(github, issue.number(), sender, "change a running plan (the edit was not applied)");
      return;
    }
    // An admin's label vouches for the text it was given: an edit by anyone else withdraws it, and no
    // edit grants it (only labelling does).
    boolean stillAdmin = recorded.get().labelledByAdmin() && permission == Permission.ADMIN;
    reconcile.run(github, valid.config(), issue, stillAdmin);
  }
}
