package dev.workstreams.workflow.plans;

import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssuePayload;
import dev.workstreams.workflow.plans.support.PlanIssue;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.plans.support.RecordedPlans;
import dev.workstreams.workflow.plans.support.TrackingComments;
import java.util.Optional;

/**
 * {@code issues.unlabeled} of the trigger label: the plan is cancelled. Nothing is deleted; the
 * tracking comment says so, and no agent starts for it any more.
 */
public final class CancelPlanWhenUnlabelled implements EventHandler {

  private final GitHubGateways gateways;
  private final RepoConfigs configs;
  private final PlanStore store;
  private final TrackingComments tracking;
  private final RecordedPlans recorded;
  private final PlanProgress progress;

  public CancelPlanWhenUnlabelled(GitHubGateways gateways, RepoConfigs configs, PlanStore store, TrackingComments tracking,
      PlanProgress progress) {
    this.gateways = gateways;
    this.configs = configs;
    this.store = store;
    this.tracking = tracking;
    this.recorded = new RecordedPlans(store);
    this.progress = progress;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssuePayload> event = IssuePayload.from(context);
    if (event.isEmpty() || event.get().sender().isBot()) {
      return;
    }
    PlanIssue issue = PlanIssue.from(event.get());
    Optional<StoredPlan> plan = store.plan(issue.repository(), issue.number());
    if (plan.isEmpty() || plan.get().state() != PlanState.ACTIVE) {
      return;
    }
    String label = event.get().label().orElse("");
    if (!(configs.load(issue.repository(), issue.defaultBranch()) instanceof RepoConfigResult.Valid valid)
        || !label.equals(valid.config().triggerLabel())) {
      return;
    }
    StoredPlan cancelled = plan.get().withState(PlanState.CANCELLED);
    store.savePlan(cancelled);
    GitHubGateway github = gateways.forRepository(issue.repository());
    Optional<String> comment = recorded.trackingComment(cancelled, true);
    if (comment.isPresent()) {
      cancelled = tracking.show(github, cancelled, comment.get());
    }
    progress.advance(github, cancelled);
  }
}
