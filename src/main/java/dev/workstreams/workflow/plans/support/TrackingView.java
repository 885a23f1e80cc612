package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.reconcile.PlanSummary;
import dev.workstreams.core.reconcile.TrackingComment;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.core.simulate.PlanSimulation;
import dev.workstreams.core.simulate.Simulation;
import dev.workstreams.core.simulate.SimulationText;
import dev.workstreams.core.reconcile.WorkstreamStatus;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracking comment's text from a plan and its recorded workstreams, in merge order. It takes
 * the stored plan so that every rendering of a finished plan, whoever asks for it, keeps the summary.
 */
public final class TrackingView {

  private TrackingView() {}

  public static String render(StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows, List<PlanProblem> findings,
      boolean cancelled) {
    List<Task> tasks = new ArrayList<>(desired.plan().tasks());
    tasks.sort(Comparator.comparingInt(t -> desired.schedule().mergeOrder().get(t.id())));
    List<WorkstreamStatus> status = new ArrayList<>();
    for (Task task : tasks) {
      Optional<StoredWorkstream> row = Optional.ofNullable(rows.get(task.id()));
      status.add(new WorkstreamStatus(task.id(), task.title(), desired.schedule().mergeOrder().get(task.id()),
          row.flatMap(StoredWorkstream::pullRequest).map(ObservedPullRequest::number),
          row.map(StoredWorkstream::state).orElse(WorkstreamState.PENDING),
          row.map(StoredWorkstream::detail).orElse("")));
    }
    return TrackingComment.accepted(status, desired.schedule(), findings, cancelled,
        PlanSummaries.of(plan, desired, rows).map(PlanSummary::text), plan.rejectedEdit(), plan.integrationNote(),
        simulation(plan, desired));
  }

  // The plan's expected wall time, at the review time of the repository config's default (the stored plan does not
  // record the repository's review_time).
  private static String simulation(StoredPlan plan, DesiredPlan desired) {
    if (desired.plan().tasks().isEmpty()) {
      return "";
    }
    Simulation s = PlanSimulation.of(desired.plan(), desired.schedule(), RepoConfig.DEFAULT_REVIEW_TIME, plan.maxParallel());
    return SimulationText.line(s) + "\n\n" + SimulationText.table(s);
  }
}
