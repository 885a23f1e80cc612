package dev.workstreams.adapter.agent;

import java.time.Duration;
import java.util.List;

/** How an agent run ended. Only {@link Exited} with 0 is a success. */
public sealed interface AgentOutcome {

  /** The agent's command ran to its end with this exit status. */
  record Exited(int status) implements AgentOutcome {}

  /** A setup command exited with a non-zero status; the agent did not run. */
  record SetupFailed(List<String> command, int status) implements AgentOutcome {}

  /** {@code command} (a setup command or the agent's) ran past {@code limit}; its process tree was killed. */
  record TimedOut(List<String> command, Duration limit) implements AgentOutcome {}

  /** {@code command} failed (exit {@code status}) because it hit one of its profile's limits, named in {@code limit}. */
  record LimitHit(List<String> command, String limit, int status) implements AgentOutcome {}

  /** Cancelled through the {@link CancelHandle}; the process tree was killed. */
  record Cancelled() implements AgentOutcome {}

  /** A command could not be started (not found, not executable, no such working directory). */
  record FailedToStart(String reason) implements AgentOutcome {}
}
