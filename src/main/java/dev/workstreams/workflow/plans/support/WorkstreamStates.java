package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;

/** The state a workstream takes from its pull request alone, before any agent is involved. */
public final class WorkstreamStates {

  private WorkstreamStates() {}

  static WorkstreamState fromPullRequest(ObservedPullRequest pr) {
    switch (pr.state()) {
      case MERGED:
        return WorkstreamState.MERGED;
      case CLOSED:
        return WorkstreamState.CLOSED;
      default:
        return WorkstreamState.OPEN;
    }
  }

  /** Closed without merging: the only end a pull request can be reopened from. */
  public static boolean closedWithoutMerging(dev.workstreams.port.StoredWorkstream row) {
    return row.state() == WorkstreamState.CLOSED;
  }

  /**
   * A closed workstream whose pull request was reopened: in flight again, ready for review when its
   * agent had finished (its commits are still on the branch), else open and scheduled like any other.
   */
  public static dev.workstreams.port.StoredWorkstream reopened(dev.workstreams.port.StoredWorkstream row, ObservedPullRequest open) {
    boolean agentDone = row.attempts() > 0 && row.agentFinishedAt().isPresent();
    return row.withPullRequest(open).withState(agentDone ? WorkstreamState.PUSHED : WorkstreamState.OPEN, "");
  }
}
