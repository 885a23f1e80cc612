package dev.workstreams.workflow.plans;

import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.WorkstreamState;
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
import dev.workstreams.workflow.plans.support.OutOfOrderNotices;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.plans.support.PlanSummaries;
import dev.workstreams.workflow.plans.support.RecordedPlans;
import dev.workstreams.workflow.plans.support.TrackingComments;
import dev.workstreams.workflow.plans.support.TrackingView;
import dev.workstreams.workflow.plans.support.WorkstreamOfPullRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_request.closed} on a workstream: the task is done (merged) or abandoned (closed),
 * the tracking comment says so, a merge that skipped a dependency is pointed out, a plan whose
 * every task is merged gets its summary and is marked finished, and the plan is moved forward
 * (capacity freed, dependents released: the scheduler decides). Any other pull request costs
 * nothing. Senders are not filtered: merge queues and other bots merge pull requests too.
 */
public final class RecordWorkstreamWhenClosed implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final TrackingComments tracking;
  private final PlanProgress progress;
  private final Clock clock;
  private final RecordedPlans recorded;
  private final WorkstreamOfPullRequest workstreams;
  private final OutOfOrderNotices outOfOrder = new OutOfOrderNotices();

  public RecordWorkstreamWhenClosed(GitHubGateways gateways, PlanStore store, TrackingComments tracking,
      PlanProgress progress, Clock clock) {
    this.gateways = gateways;
    this.store = store;
    this.tracking = tracking;
    this.progress = progress;
    this.clock = clock;
    this.recorded = new RecordedPlans(store);
    this.workstreams = new WorkstreamOfPullRequest(store);
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<ClosedPullRequest> event = ClosedPullRequest.from(context);
    Optional<Closed> closed = event.flatMap(this::closedWorkstream);
    if (closed.isEmpty()) {
      return;
    }
    Closed c = closed.get();
    StoredWorkstream row = record(c, event.get());
    if (c.plan().state() == PlanState.REJECTED) {
      return; // the tracking comment lists what to fix in the plan; the row alone is brought up to date
    }
    GitHubGateway github = gateways.forRepository(c.plan().repository());
    if (row.state() == WorkstreamState.MERGED) {
      outOfOrder.report(github, c.desired(), c.rows(), row);
    }
    StoredPlan plan = tracking.show(github, c.plan(), TrackingView.render(c.plan(), c.desired(), c.rows(),
        recorded.warnings(c.plan()), c.plan().state() == PlanState.CANCELLED));
    progress.advance(github, finish(plan, c));
  }

  /** The plan and row a closed pull request belongs to; empty when it is no workstream of a recorded plan. */
  private Optional<Closed> closedWorkstream(ClosedPullRequest pr) {
    Optional<PlanTask> task = workstreams.find(pr);
    Optional<StoredPlan> plan = task.flatMap(t -> store.plan(pr.repository(), t.issue()));
    Optional<DesiredPlan> desired = plan.flatMap(recorded::desired);
    if (desired.isEmpty()) {
      return Optional.empty();
    }
    String taskId = task.get().taskId();
    Map<String, StoredWorkstream> rows = recorded.workstreams(plan.get());
    Optional<StoredWorkstream> row = Optional.ofNullable(rows.get(taskId));
    boolean inPlan = desired.get().plan().task(taskId).isPresent();
    // A task removed from the plan keeps its row: it is brought up to date, but only when recorded.
    if (!inPlan && row.isEmpty()) {
      return Optional.empty();
    }
    // Another pull request of the same branch (the first one was closed and a new one opened)
    if (row.flatMap(StoredWorkstream::pullRequest).map(p -> p.number() != pr.number()).orElse(false)) {
      return Optional.empty();
    }
    StoredWorkstream current = row.orElseGet(() -> StoredWorkstream.pending(taskId, Markers.branch(task.get().issue(), taskId)));
    return Optional.of(new Closed(plan.get(), desired.get(), rows, current));
  }

  private StoredWorkstream record(Closed c, ClosedPullRequest pr) {
    StoredWorkstream row = c.row().withPullRequest(pr.observed())
        .withState(pr.merged() ? WorkstreamState.MERGED : WorkstreamState.CLOSED, "");
    if (pr.mergedAt().isPresent()) {
      row = row.withMergedAt(pr.mergedAt().get());
    }
    store.saveWorkstream(c.plan().repository(), c.plan().issue(), row);
    c.rows().put(row.taskId(), row);
    return row;
  }

  // Finished once, when the summary first appears; a redelivery keeps the first time.
  private StoredPlan finish(StoredPlan plan, Closed c) {
    if (plan.finishedAt().isPresent() || PlanSummaries.of(plan, c.desired(), c.rows()).isEmpty()) {
      return plan;
    }
    StoredPlan finished = plan.withFinishedAt(clock.instant());
    store.savePlan(finished);
    return finished;
  }

  private record Closed(StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows, StoredWorkstream row) {}
}
