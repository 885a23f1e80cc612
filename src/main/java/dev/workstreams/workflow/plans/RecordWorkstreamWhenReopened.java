package dev.workstreams.workflow.plans;

import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.PlanStore.PlanTask;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.plans.support.ClosedPullRequest;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.plans.support.RecordedPlans;
import dev.workstreams.workflow.plans.support.TrackingComments;
import dev.workstreams.workflow.plans.support.TrackingView;
import dev.workstreams.workflow.plans.support.WorkstreamOfPullRequest;
import dev.workstreams.workflow.plans.support.WorkstreamStates;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_request.reopened} on a workstream that was closed without merging: the workstream
 * is back, in flight again (ready for review when its agent had finished, else open and scheduled
 * like any other), the tracking comment says so and the plan is moved forward, so its dependents
 * are no longer held back by a closed dependency. A redelivery finds the row open and does nothing.
 */
public final class RecordWorkstreamWhenReopened implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final TrackingComments tracking;
  private final PlanProgress progress;
  private final RecordedPlans recorded;
  private final WorkstreamOfPullRequest workstreams;

  public RecordWorkstreamWhenReopened(GitHubGateways gateways, PlanStore store, TrackingComments tracking,
      PlanProgress progress) {
    this.gateways = gateways;
    this.store = store;
    this.tracking = tracking;
    this.progress = progress;
    this.recorded = new RecordedPlans(store);
    this.workstreams = new WorkstreamOfPullRequest(store);
  }

  @Override
  public void handle(EventContext context) throws Exception {
    // a reopened pull request carries the same fields a closed one does
    Optional<ClosedPullRequest> event = ClosedPullRequest.from(context);
    Optional<PlanTask> task = event.flatMap(workstreams::find);
    Optional<StoredPlan> plan = task.flatMap(t -> store.plan(event.get().repository(), t.issue()));
    Optional<DesiredPlan> desired = plan.flatMap(recorded::desired);
    if (desired.isEmpty()) {
      return;
    }
    ClosedPullRequest pr = event.get();
    Map<String, StoredWorkstream> rows = recorded.workstreams(plan.get());
    StoredWorkstream row = rows.get(task.get().taskId());
    boolean sameRequest = row != null && row.pullRequest().map(p -> p.number() == pr.number()).orElse(false);
    if (!sameRequest || !WorkstreamStates.closedWithoutMerging(row)) {
      return;
    }
    StoredWorkstream reopened = reopened(row, pr);
    store.saveWorkstream(plan.get().repository(), plan.get().issue(), reopened);
    rows.put(reopened.taskId(), reopened);
    if (plan.get().state() == PlanState.REJECTED) {
      return;
    }
    GitHubGateway github = gateways.forRepository(plan.get().repository());
    StoredPlan shown = tracking.show(github, plan.get(), TrackingView.render(plan.get(), desired.get(), rows,
        recorded.warnings(plan.get()), plan.get().state() == PlanState.CANCELLED));
    progress.advance(github, shown);
  }

  private static StoredWorkstream reopened(StoredWorkstream row, ClosedPullRequest pr) {
    return WorkstreamStates.reopened(row, new ObservedPullRequest(pr.number(), ObservedPullRequest.State.OPEN, pr.title(),
        pr.body(), pr.labels(), pr.draft()));
  }
}
