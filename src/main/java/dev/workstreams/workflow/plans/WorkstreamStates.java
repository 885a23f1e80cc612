package dev.workstreams.workflow.plans;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;

/** The state a workstream takes from its pull request alone, before any agent is involved. */
final class WorkstreamStates {

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
}
