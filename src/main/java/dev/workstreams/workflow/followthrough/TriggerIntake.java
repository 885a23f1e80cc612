package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.PlanStore.PlanTask;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RevisionStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where every trigger enters: the workstream found by its pull request, the repository's
 * follow-through settings kept for the scheduler, the trigger recorded once by its key, and the plan
 * moved forward (which starts the revision when it may start).
 */
final class TriggerIntake {

  private final PlanStore store;
  private final RevisionStore revisions;
  private final RepoConfigs configs;
  private final PlanProgress progress;
  private final Clock clock;

  TriggerIntake(PlanStore store, RevisionStore revisions, RepoConfigs configs, PlanProgress progress, Clock clock) {
    this.store = store;
    this.revisions = revisions;
    this.configs = configs;
    this.progress = progress;
    this.clock = clock;
  }

  /** The active plan and task whose workstream this pull request is. */
  Optional<Workstream> workstream(RepositoryId repository, int pullRequest) {
    Optional<PlanTask> task = store.taskOfPullRequest(repository, pullRequest);
    Optional<StoredPlan> plan = task.flatMap(t -> store.plan(repository, t.issue()))
        .filter(p -> p.state() == PlanState.ACTIVE);
    return plan.map(p -> new Workstream(p, task.get().taskId(), pullRequest));
  }

  record Workstream(StoredPlan plan, String taskId, int pullRequest) {}

  /**
   * Records the trigger (a key seen before records nothing) and moves the plan forward either way: a
   * redelivery after a crash between the two steps still starts what the first delivery recorded.
   */
  boolean accept(GitHubGateway github, Workstream w, String defaultBranch, Trigger trigger) throws IOException {
    return !acceptAll(github, w.plan(), defaultBranch, Map.of(w.taskId(), trigger)).isEmpty();
  }

  /**
   * {@link #accept} for triggers of several workstreams of one plan (by task id), moving the plan forward
   * once for all of them; returns the tasks whose trigger was new.
   */
  Set<String> acceptAll(GitHubGateway github, StoredPlan plan, String defaultBranch, Map<String, Trigger> triggers)
      throws IOException {
    revisions.saveSettings(plan.repository(), plan.issue(),
        settings(plan.repository(), defaultBranch).withPlanTimeBudget(timeBudget(plan)));
    Set<String> recorded = new LinkedHashSet<>();
    for (Map.Entry<String, Trigger> t : triggers.entrySet()) {
      if (revisions.record(plan.repository(), plan.issue(), t.getKey(), t.getValue(), clock.instant())) {
        recorded.add(t.getKey());
      }
    }
    progress.advance(github, store.plan(plan.repository(), plan.issue()).orElse(plan));
    return recorded;
  }

  /** The default branch's config as it is now; an unreadable one keeps the defaults (its problems are reported elsewhere). */
  FollowThroughSettings settings(RepositoryId repository, String defaultBranch) throws IOException {
    RepoConfigResult config = configs.load(repository, defaultBranch);
    return config instanceof RepoConfigResult.Valid valid ? valid.config().followThrough() : FollowThroughSettings.DEFAULTS;
  }

  /** The plan's own {@code time_budget}, read from the issue body it was accepted from. */
  private static OptionalLong timeBudget(StoredPlan plan) {
    PlanReport report = new PlanChecker().check(plan.issueBody(), plan.shared());
    return report.valid() ? report.plan().timeBudget().map(d -> OptionalLong.of(d.seconds())).orElse(OptionalLong.empty())
        : OptionalLong.empty();
  }

  java.time.Instant now() {
    return clock.instant();
  }

  RevisionStore revisions() {
    return revisions;
  }
}
