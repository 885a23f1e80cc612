package dev.workstreams.core.followthrough;

import java.time.Duration;
import java.util.Optional;

/**
 * The repository's limits on follow-through: {@code max_revisions} per workstream across every
 * trigger, {@code agent_time_budget} per task (first run and revisions summed), the plan's optional
 * {@code time_budget} (all tasks summed), and whether failed Actions jobs are re-run once before an
 * agent is asked ({@code rerun_failed_checks}).
 */
public record FollowThroughSettings(int maxRevisions, Duration agentTimeBudget, Optional<Duration> planTimeBudget,
    boolean rerunFailedChecks) {

  public static final int DEFAULT_MAX_REVISIONS = 3;
  public static final Duration DEFAULT_AGENT_TIME_BUDGET = Duration.ofHours(2);
  public static final FollowThroughSettings DEFAULTS =
      new FollowThroughSettings(DEFAULT_MAX_REVISIONS, DEFAULT_AGENT_TIME_BUDGET, Optional.empty(), false);

  public FollowThroughSettings withPlanTimeBudget(Optional<Duration> budget) {
    return new FollowThroughSettings(maxRevisions, agentTimeBudget, budget, rerunFailedChecks);
  }
}
