package dev.workstreams.core.followthrough;

import java.util.OptionalLong;

/**
 * The repository's limits on follow-through: {@code max_revisions} per workstream across every
 * trigger, {@code agent_time_budget} per task (first run and revisions summed), the plan's optional
 * {@code time_budget} (all tasks summed), and whether failed Actions jobs are re-run once before an
 * agent is asked ({@code rerun_failed_checks}).
 */
public record FollowThroughSettings(int maxRevisions, long agentTimeBudgetSeconds, OptionalLong planTimeBudgetSeconds,
    boolean rerunFailedChecks) {

  public static final int DEFAULT_MAX_REVISIONS = 3;
  public static final long DEFAULT_AGENT_TIME_BUDGET_SECONDS = 2 * 3600;
  public static final FollowThroughSettings DEFAULTS =
      new FollowThroughSettings(DEFAULT_MAX_REVISIONS, DEFAULT_AGENT_TIME_BUDGET_SECONDS, OptionalLong.empty(), false);

  public FollowThroughSettings withPlanTimeBudget(OptionalLong seconds) {
    return new FollowThroughSettings(maxRevisions, agentTimeBudgetSeconds, seconds, rerunFailedChecks);
  }
}
