package dev.workstreams.workflow.ownership;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.Markers.TaskRef;
import dev.workstreams.port.PlanStore;
import java.util.Optional;

/**
 * Tells workstream pull requests from the others, without a GitHub call. A pull request is a
 * workstream when the App recorded it as one, or its body carries the task marker, or its head is
 * a task branch of this repository; and that task is in the recorded plan of its issue.
 */
final class WorkstreamPullRequests {

  private final PlanStore store;

  WorkstreamPullRequests(PlanStore store) {
    this.store = store;
  }

  /** The task a pull request says (or the App knows) it works on, whether or not the plan has it. */
  Optional<TaskRef> claimedTask(PullRequestEvent pr) {
    return store.taskOfPullRequest(pr.repository(), pr.number())
        .map(recorded -> new TaskRef(recorded.issue(), recorded.taskId()))
        .or(() -> Markers.taskOf(pr.body()))
        .or(() -> pr.sameRepository() ? Markers.taskOfBranch(pr.headRef()) : Optional.empty());
  }

  /** The workstream and the rules it is held to; empty for a pull request that is none. */
  Optional<Workstream> find(PullRequestEvent pr) {
    Optional<TaskRef> claimed = claimedTask(pr);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    TaskRef ref = claimed.get();
    return store.plan(pr.repository(), ref.issue())
        .flatMap(OwnershipRules::of)
        .flatMap(rules -> rules.plan().task(ref.taskId()).map(task -> new Workstream(rules, task)));
  }

  record Workstream(OwnershipRules rules, Task task) {

    int planIssue() {
      return rules.stored().issue();
    }
  }
}
