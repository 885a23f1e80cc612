package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.TrackingComment;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryTree;
import dev.workstreams.port.StoredPlan;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes GitHub show what a plan issue asks for: checks the plan (with the base branch's files),
 * records it, opens what is missing and keeps the tracking comment current. Safe to run again at
 * any point: every step is found-or-created, so a retry after a crash completes the work.
 */
public final class ReconcilePlan {

  private final PlanStore store;
  private final TrackingComments tracking;
  private final Clock clock;
  private final PlanProgress progress;
  private final PlanChecker checker = new PlanChecker();
  private final RecordedPlans recorded;

  public ReconcilePlan(PlanStore store, TrackingComments tracking, Clock clock, PlanProgress progress) {
    this.store = store;
    this.recorded = new RecordedPlans(store);
    this.tracking = tracking;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * @param labelledByAdmin whether an admin labelled the plan (and no one else edited it since):
   *     recorded with the plan, it lets tasks change the {@code protected} paths they own
   */
  public void run(GitHubGateway github, RepoConfig config, PlanIssue issue, boolean labelledByAdmin) throws IOException {
    Optional<StoredPlan> existing = store.plan(issue.repository(), issue.number());
    PlanReport report = checker.check(issue.body(), config.shared());
    if (!report.valid()) {
      reject(github, issue, config, existing, report.problems());
      return;
    }
    Plan plan = report.plan();
    String base = plan.base().orElse(issue.defaultBranch());
    Optional<BranchHead> head = github.branch(base);
    if (head.isEmpty()) {
      reject(github, issue, config, existing, List.of(PlanProblem.error(0,
          "the base branch `" + base + "` does not exist in " + issue.repository() + "; set `base:` to an existing branch")));
      return;
    }
    List<PlanProblem> findings = findings(github, report, config, head.get());
    findings.addAll(ProtectedPathNotes.of(plan, config.protectedPaths(), labelledByAdmin));
    StoredPlan stored = record(issue, config, plan, base, existing, labelledByAdmin);
    DesiredPlan desired = new DesiredPlan(issue.number(), base, plan, report.schedule().orElseThrow());
    PlanWorkstreams workstreams = PlanWorkstreams.observe(github, store, desired);
    stored = tracking.show(github, stored, workstreams.trackingComment(stored, findings, false));
    workstreams.complete(head.get());
    stored = tracking.show(github, stored, workstreams.trackingComment(stored, findings, false));
    progress.advance(github, stored);
  }

  private List<PlanProblem> findings(GitHubGateway github, PlanReport report, RepoConfig config, BranchHead head)
      throws IOException {
    List<PlanProblem> findings = new ArrayList<>(report.problems());
    RepositoryTree tree = github.tree(head.treeSha());
    findings.addAll(checker.checkTree(report.plan(), config.shared(), tree.paths()));
    if (tree.truncated()) {
      findings.add(PlanProblem.info(0, "GitHub truncated the base branch's file list (over 100,000 files or 7 MB): "
          + "the file checks above saw only part of it"));
    }
    return findings;
  }

  private StoredPlan record(PlanIssue issue, RepoConfig config, Plan plan, String base, Optional<StoredPlan> existing,
      boolean labelledByAdmin) {
    StoredPlan stored = new StoredPlan(
        issue.repository(), issue.number(), PlanState.ACTIVE, issue.body(), base,
        plan.maxParallel().orElse(config.maxParallel()), plan.agent().or(config::agent), config.shared(),
        config.enforcement(), existing.map(StoredPlan::labelledAt).orElse(clock.instant()),
        existing.flatMap(StoredPlan::finishedAt), existing.flatMap(StoredPlan::trackingCommentId),
        existing.map(StoredPlan::trackingCommentBody).orElse(""), config.protectedPaths(), labelledByAdmin);
    store.savePlan(stored);
    return stored;
  }

  private void reject(GitHubGateway github, PlanIssue issue, RepoConfig config, Optional<StoredPlan> existing,
      List<PlanProblem> problems) throws IOException {
    Optional<StoredPlan> running = existing.filter(p -> p.state() == PlanState.ACTIVE);
    if (running.isPresent()) {
      keepRunning(github, running.get().withRejectedEdit(TrackingComment.rejectedEdit(problems)), problems);
      return;
    }
    StoredPlan plan = existing.orElseGet(() -> new StoredPlan(issue.repository(), issue.number(), PlanState.REJECTED,
        issue.body(), issue.defaultBranch(), config.maxParallel(), config.agent(), config.shared(), config.enforcement(),
        clock.instant(), Optional.empty(), Optional.empty(), "", config.protectedPaths(), false));
    if (plan.state() != PlanState.REJECTED) {
      plan = plan.withState(PlanState.REJECTED);
    }
    store.savePlan(plan);
    tracking.show(github, plan, TrackingComment.rejected(problems, false));
  }

  /**
   * A rejected edit of a running plan: its workstreams go on under the plan in force, whose table the comment keeps,
   * with the edit's problems above it until a later edit is valid.
   */
  private void keepRunning(GitHubGateway github, StoredPlan plan, List<PlanProblem> problems) throws IOException {
    store.savePlan(plan);
    String comment = recorded.trackingComment(plan, false).orElseGet(() -> TrackingComment.rejected(problems, true));
    tracking.show(github, plan, comment);
  }
}
