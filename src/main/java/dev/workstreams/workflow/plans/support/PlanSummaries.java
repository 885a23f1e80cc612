package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.PlanSummary;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary of a plan whose every task is merged, from what was recorded: the label time, each
 * merge time, each task's agent time. Nothing here reads the clock, so the tracking comment of a
 * finished plan reads the same however often it is rendered.
 */
public final class PlanSummaries {

  private PlanSummaries() {}

  /** Empty until every task of the plan is merged with a known merge time. */
  public static Optional<PlanSummary> of(StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows) {
    List<StoredWorkstream> tasks = new ArrayList<>();
    for (Task task : desired.plan().tasks()) {
      StoredWorkstream row = rows.get(task.id());
      if (row == null || row.state() != WorkstreamState.MERGED || row.mergedAt().isEmpty()) {
        return Optional.empty();
      }
      tasks.add(row);
    }
    Optional<Instant> lastMerge = tasks.stream().map(w -> w.mergedAt().orElseThrow()).max(Instant::compareTo);
    if (lastMerge.isEmpty()) {
      return Optional.empty();
    }
    Duration agentTime = tasks.stream().map(StoredWorkstream::agentTime).reduce(Duration.ZERO, Duration::plus);
    return Optional.of(new PlanSummary(tasks.size(), desired.schedule().levels().size(),
        Duration.between(plan.labelledAt(), lastMerge.get()).toSeconds(), agentTime.toSeconds()));
  }
}
