package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.PlanStore.PlanTask;
import dev.workstreams.workflow.Subject;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which plan task a pull request is the workstream of, without asking GitHub: the one the App
 * recorded it for, else the one its head branch {@code workstreams/<issue>-<task>} names (the
 * pull request opened, but the App crashed before recording it). The branch must live in the
 * repository itself and agree with the task marker if the body has one: a body is anyone's to
 * write, and a fork's branch is anyone's to name, so neither alone may close a workstream.
 */
public final class WorkstreamOfPullRequest {

  private final PlanStore store;

  public WorkstreamOfPullRequest(PlanStore store) {
    this.store = store;
  }

  public Optional<PlanTask> find(ClosedPullRequest pr) {
    Optional<PlanTask> recorded = store.taskOfPullRequest(pr.repository(), pr.number());
    if (recorded.isPresent()) {
      return recorded;
    }
    Optional<PlanTask> branch = pr.sameRepository() ? ofBranch(pr.headRef()) : Optional.empty();
    Optional<PlanTask> marker = Markers.taskOf(pr.body()).map(ref -> new PlanTask(ref.issue(), ref.taskId()));
    return branch.filter(task -> marker.isEmpty() || marker.get().equals(task));
  }

  private static Optional<PlanTask> ofBranch(String branch) {
    OptionalLong issue = Subject.planIssueOfBranch(branch);
    if (issue.isEmpty()) {
      return Optional.empty();
    }
    int number = (int) issue.getAsLong();
    return Optional.of(new PlanTask(number, branch.substring(Markers.branchPrefix(number).length())));
  }
}
