package dev.workstreams.adapter.agent;

import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.RepositoryId;

/**
 * Agents that run elsewhere than on this machine (a GitHub Actions runner): started and cancelled
 * here, their outcome reported later, as for a local run.
 */
public interface RemoteAgents {

  /** Sends the assignment to where {@code profile} runs its agent; the outcome is reported when it is known. */
  void start(AgentAssignment assignment, AgentProfile profile);

  /** Cancels the task's running remote agent, if it has one. */
  void cancel(RepositoryId repository, int issue, String taskId);

  /** None: every profile runs locally. */
  RemoteAgents NONE = new RemoteAgents() {
    @Override
    public void start(AgentAssignment assignment, AgentProfile profile) {
      throw new IllegalStateException("no runner for profile " + profile.name() + " on GitHub Actions");
    }

    @Override
    public void cancel(RepositoryId repository, int issue, String taskId) {}
  };
}
