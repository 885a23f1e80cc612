package dev.workstreams.workflow.ownership;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.Markers.TaskRef;
import dev.workstreams.port.PlanStore;
import java.util.Optional;

/**
 * Tells workstream pull requests from the others, without a GitHub call. A pull request is a
 * workstream when the App recorded it as one; or, when the App crashed before recording it, when
 * an App opened it from the task's branch {@code workstreams/<issue>-<task>} in this repository
 * and its task marker, if any, names the same task. A body is anyone's to write and a fork's
 * branch is anyone's to name, so neither a marker nor a branch name alone makes a workstream: a
 * forged one is judged like any other pull request (and warned about when it touches owned files).
 */
final class WorkstreamPullRequests {

  private final PlanStore store;

  WorkstreamPullRequests(PlanStore store) {
    this.store = store;
  }

  /** The task the App knows a pull request works on, whether or not the plan still has it. */
  Optional<TaskRef> claimedTask(PullRequestEvent pr) {
    return store.taskOfPullRequest(pr.repository(), pr.number())
        .map(recorded -> new TaskRef(recorded.issue(), recorded.taskId()))
        .or(() -> unrecordedWorkstream(pr));
  }

  /**
   * Any App passes as the author: the App's own bot login is not known here. Another App would
   * need write access to this repository to push a task branch, which already trusts it.
   */
  private static Optional<TaskRef> unrecordedWorkstream(PullRequestEvent pr) {
    if (!pr.sameRepository() || !pr.authoredByAnApp()) {
      return Optional.empty();
    }
    Optional<TaskRef> branch = Markers.taskOfBranch(pr.headRef());
    Optional<TaskRef> marker = Markers.taskOf(pr.body());
    return branch.filter(task -> marker.isEmpty() || marker.get().equals(task));
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
