package dev.workstreams.port;

import java.util.Optional;

/**
 * Where agents run: at most {@code AGENT_CONCURRENCY} at once on this instance, off the job
 * queue's threads (an agent may take most of an hour). A finished run is reported back as an
 * event of its plan, so that what follows is handled in the plan's turn like any webhook.
 */
public interface AgentWorkers {

  /** Whether agent profiles are configured at all; without them workstreams are for people. */
  boolean enabled();

  /** The profile a plan or repository names, or the operator's default; empty if it names an unknown one. */
  Optional<String> profile(Optional<String> requested);

  /** Why no agent can start on this instance (no working sandbox); empty when agents can start. */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  int freeSlots();

  void start(AgentAssignment assignment);

  /** Stops a running agent of this task, with its whole process tree; unknown tasks are ignored. */
  void cancel(RepositoryId repository, int issue, String taskId);

  /** Deletes the task's working copy once its workstream has ended (merged or closed); a running agent is left alone. */
  void discard(RepositoryId repository, int issue, String taskId);
}
