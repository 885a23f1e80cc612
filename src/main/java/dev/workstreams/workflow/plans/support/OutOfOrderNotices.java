package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.reconcile.OutOfOrderMerge;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.StoredWorkstream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the plan issue when a workstream was merged before one of its dependencies. Whether a
 * dependency came first is judged by the recorded merge times, not by which event was handled
 * first, so a redelivery or a late delivery gives the same answer; the per-task marker keeps it to
 * one comment.
 */
public final class OutOfOrderNotices {

  public void report(GitHubGateway github, DesiredPlan desired, Map<String, StoredWorkstream> rows, StoredWorkstream merged)
      throws IOException {
    Optional<Task> task = desired.plan().task(merged.taskId());
    if (task.isEmpty() || merged.mergedAt().isEmpty() || merged.pullRequest().isEmpty()) {
      return;
    }
    List<OutOfOrderMerge.Skipped> skipped = new ArrayList<>();
    for (String dependency : task.get().dependsOn()) {
      Optional<StoredWorkstream> row = Optional.ofNullable(rows.get(dependency));
      if (!mergedBy(row, merged.mergedAt().get())) {
        skipped.add(new OutOfOrderMerge.Skipped(dependency,
            row.flatMap(StoredWorkstream::pullRequest).map(ObservedPullRequest::number),
            row.map(w -> w.state() == WorkstreamState.CLOSED).orElse(false)));
      }
    }
    if (skipped.isEmpty()) {
      return;
    }
    String marker = OutOfOrderMerge.marker(merged.taskId());
    if (github.commentsWithMarker(desired.issue(), marker).isEmpty()) {
      OutOfOrderMerge merge = new OutOfOrderMerge(merged.taskId(), merged.pullRequest().get().number(), skipped);
      github.comment(desired.issue(), merge.comment());
    }
  }

  // A dependency seen merged without a merge time (found on GitHub after the database was lost)
  // counts as merged in time: the App cannot tell otherwise, and a false alarm is worse.
  private static boolean mergedBy(Optional<StoredWorkstream> dependency, Instant at) {
    return dependency.filter(w -> w.state() == WorkstreamState.MERGED)
        .map(w -> w.mergedAt().map(when -> !when.isAfter(at)).orElse(true))
        .orElse(false);
  }
}
