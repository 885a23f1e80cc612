package dev.workstreams.port;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One task's workstream as the App recorded it: its pull request as last seen or set, where it
 * stands, and its agent's bookkeeping ({@code requested} is a pending retry or cancel command).
 */
public record StoredWorkstream(
    String taskId,
    String branch,
    Optional<ObservedPullRequest> pullRequest,
    WorkstreamState state,
    String detail,
    int attempts,
    Optional<Instant> agentStartedAt,
    Optional<Instant> agentFinishedAt,
    Duration agentTime,
    Optional<Instant> mergedAt,
    Optional<String> requested) {

  public static StoredWorkstream pending(String taskId, String branch) {
    return new StoredWorkstream(taskId, branch, Optional.empty(), WorkstreamState.PENDING, "", 0,
        Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty(), Optional.empty());
  }

  public StoredWorkstream withPullRequest(ObservedPullRequest pr) {
    return new StoredWorkstream(taskId, branch, Optional.of(pr), state, detail, attempts, agentStartedAt,
        agentFinishedAt, agentTime, mergedAt, requested);
  }

  public StoredWorkstream withState(WorkstreamState newState, String newDetail) {
    return new StoredWorkstream(taskId, branch, pullRequest, newState, newDetail, attempts, agentStartedAt,
        agentFinishedAt, agentTime, mergedAt, requested);
  }

  public StoredWorkstream withRequested(Optional<String> command) {
    return new StoredWorkstream(taskId, branch, pullRequest, state, detail, attempts, agentStartedAt,
        agentFinishedAt, agentTime, mergedAt, command);
  }

  public StoredWorkstream withMergedAt(Instant at) {
    return new StoredWorkstream(taskId, branch, pullRequest, state, detail, attempts, agentStartedAt,
        agentFinishedAt, agentTime, Optional.of(at), requested);
  }

  public StoredWorkstream withAgentRun(int newAttempts, Optional<Instant> started, Optional<Instant> finished, Duration total) {
    return new StoredWorkstream(taskId, branch, pullRequest, state, detail, newAttempts, started, finished, total,
        mergedAt, requested);
  }
}
