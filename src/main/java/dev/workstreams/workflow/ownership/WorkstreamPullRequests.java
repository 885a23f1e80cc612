package dev.workstreams.workflow.ownership;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.Markers.TaskRef;
import dev.workstreams.port.PlanStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Tells workstream pull requests from the others, without a GitHub call. A pull request is a
 * workstream when the App recorded it as one; or, when the App crashed before recording it, when
 * the App's own bot user opened it from the task's branch {@code workstreams/<issue>-<task>} in this repository
 * and its task marker, if any, names the same task. A body is anyone's to write and a fork's
 * branch is anyone's to name, so neither a marker nor a branch name alone makes a workstream: a
 * forged one is judged like any other pull request (and warned about when it touches owned files).
 */
final class WorkstreamPullRequests {

  private final PlanStore store;

  WorkstreamPullRequests(PlanStore store) {
    this.store = store;
  }

  /** The login the App itself acts as, {@code <slug>[bot]}; asked only for a pull request the App never recorded. */
  @FunctionalInterface
  interface AppLogin {
    String get() throws IOException;
  }

  /** The task the App knows a pull request works on, whether or not the plan still has it. */
  Optional<TaskRef> claimedTask(PullRequestEvent pr, AppLogin app) throws IOException {
    Optional<TaskRef> recorded = store.taskOfPullRequest(pr.repository(), pr.number())
        .map(task -> new TaskRef(task.issue(), task.taskId()));
    return recorded.isPresent() ? recorded : unrecordedWorkstream(pr, app);
  }

  /** Only the App's own bot user opens workstreams: another App's pull request from a task branch is none. */
  private static Optional<TaskRef> unrecordedWorkstream(PullRequestEvent pr, AppLogin app) throws IOException {
    if (!pr.sameRepository() || pr.appAuthor().isEmpty()) {
      return Optional.empty();
    }
    Optional<TaskRef> branch = Markers.taskOfBranch(pr.headRef());
    Optional<TaskRef> marker = Markers.taskOf(pr.body());
    Optional<TaskRef> claimed = branch.filter(task -> marker.isEmpty() || marker.get().equals(task));
    return claimed.isPresent() && pr.appAuthor().get().equalsIgnoreCase(app.get()) ? claimed : Optional.empty();
  }

  /** The workstream and the rules it is held to; empty for a pull request that is none. */
  Optional<Workstream> find(PullRequestEvent pr, AppLogin app) throws IOException {
    Optional<TaskRef> claimed = claimedTask(pr, app);
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
