package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.MergeOrderLabels;
import dev.workstreams.core.reconcile.ObservedPlan;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.reconcile.Reconciler;
import dev.workstreams.core.reconcile.Step;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workstreams of one plan while it is reconciled: what exists (the database first, GitHub for
 * what the database does not know) and the loop that performs the missing steps, recording each
 * one as soon as GitHub has it.
 */
final class PlanWorkstreams {

  private final GitHubGateway github;
  private final PlanStore store;
  private final DesiredPlan desired;
  private final Map<String, StoredWorkstream> rows;
  private ObservedPlan observed;

  private PlanWorkstreams(GitHubGateway github, PlanStore store, DesiredPlan desired,
      Map<String, StoredWorkstream> rows, ObservedPlan observed) {
    this.github = github;
    this.store = store;
    this.desired = desired;
    this.rows = rows;
    this.observed = observed;
  }

  /**
   * Reads what exists: one listing of the plan's branches, and a pull request lookup only for a
   * branch the database has no pull request for (after a crash, or when the database was lost).
   */
  static PlanWorkstreams observe(GitHubGateway github, PlanStore store, DesiredPlan desired) throws IOException {
    Map<String, StoredWorkstream> rows = new LinkedHashMap<>();
    store.workstreams(github.repository(), desired.issue()).forEach(w -> rows.put(w.taskId(), w));
    String prefix = Markers.branchPrefix(desired.issue());
    Set<String> branches = github.branchesStartingWith(prefix);
    ObservedPlan observed = new ObservedPlan(branches, Map.of(), Set.of());
    PlanWorkstreams workstreams = new PlanWorkstreams(github, store, desired, rows, observed);
    for (String branch : branches) {
      String taskId = branch.substring(prefix.length());
      if (branch.equals(Markers.previewBranch(desired.issue())) && desired.plan().task(taskId).isEmpty()) {
        continue; // the integration preview's branch: never a workstream
      }
      StoredWorkstream row = rows.get(taskId);
      if (row == null || row.pullRequest().isEmpty()) {
        Optional<ObservedPullRequest> pr = github.pullRequestForBranch(branch);
        if (pr.isPresent()) {
          workstreams.recordPullRequest(taskId, pr.get());
        }
      }
    }
    rows.values().forEach(row -> row.pullRequest().ifPresent(pr -> workstreams.observed = workstreams.observed.withPullRequest(row.taskId(), pr)));
    return workstreams;
  }

  /** Performs steps until the reconciler asks for nothing more. */
  void complete(BranchHead base) throws IOException {
    int limit = 4 * desired.plan().tasks().size() + 8;
    for (int round = 0; round < limit; round++) {
      List<Step> steps = Reconciler.nextSteps(desired, observed);
      if (steps.isEmpty()) {
        return;
      }
      for (Step step : steps) {
        perform(step, base);
      }
    }
    throw new IllegalStateException("plan " + github.repository() + "#" + desired.issue() + " did not converge");
  }

  private void perform(Step step, BranchHead base) throws IOException {
    if (step instanceof Step.CreateBranch s) {
      github.createBranch(s.branch(), base, s.commitMessage());
      observed = observed.withBranch(s.branch());
      save(rows.getOrDefault(s.taskId(), StoredWorkstream.pending(s.taskId(), s.branch())));
    } else if (step instanceof Step.OpenPullRequest s) {
      recordPullRequest(s.taskId(), github.openPullRequest(s.branch(), desired.base(), s.title(), s.body()));
    } else if (step instanceof Step.UpdatePullRequest s) {
      github.updatePullRequest(s.number(), s.title(), s.body());
      recordPullRequest(s.taskId(), pullRequest(s.taskId()).withTitleAndBody(s.title(), s.body()));
    } else if (step instanceof Step.EnsureLabel s) {
      github.ensureLabel(s.name(), s.color(), s.description());
      observed = observed.withLabel(s.name());
    } else if (step instanceof Step.AddLabel s) {
      github.addLabel(s.number(), s.label());
      relabel(s.taskId(), s.label(), true);
    } else if (step instanceof Step.RemoveLabel s) {
      github.removeLabel(s.number(), s.label());
      relabel(s.taskId(), s.label(), false);
    } else if (step instanceof Step.FlagRemoved s) {
      flagRemoved(s);
    }
  }

  // Comment first, then the label that marks it done; the marker keeps a retry from commenting twice.
  private void flagRemoved(Step.FlagRemoved s) throws IOException {
    String marker = Markers.REMOVED;
    if (github.commentsWithMarker(s.number(), marker).isEmpty()) {
      github.comment(s.number(), marker + "\n" + s.comment());
    }
    github.addLabel(s.number(), MergeOrderLabels.REMOVED);
    relabel(s.taskId(), MergeOrderLabels.REMOVED, true);
  }

  private void relabel(String taskId, String label, boolean add) {
    ObservedPullRequest pr = pullRequest(taskId);
    Set<String> labels = new HashSet<>(pr.labels());
    if (add) {
      labels.add(label);
    } else {
      labels.remove(label);
    }
    recordPullRequest(taskId, pr.withLabels(labels));
  }

  private ObservedPullRequest pullRequest(String taskId) {
    return observed.pullRequests().get(taskId);
  }

  private void recordPullRequest(String taskId, ObservedPullRequest pr) {
    observed = observed.withPullRequest(taskId, pr);
    StoredWorkstream row = rows.getOrDefault(taskId, StoredWorkstream.pending(taskId, Markers.branch(desired.issue(), taskId)));
    StoredWorkstream updated = row.withPullRequest(pr);
    if (row.state() == WorkstreamState.PENDING || pr.state() != ObservedPullRequest.State.OPEN) {
      updated = updated.withState(WorkstreamStates.fromPullRequest(pr), "");
    }
    save(updated);
  }

  private void save(StoredWorkstream row) {
    rows.put(row.taskId(), row);
    store.saveWorkstream(github.repository(), desired.issue(), row);
  }

  /** The tracking comment for the plan as it stands now. */
  String trackingComment(StoredPlan plan, List<PlanProblem> findings, boolean cancelled) {
    return TrackingView.render(plan, desired, rows, findings, cancelled);
  }
}
