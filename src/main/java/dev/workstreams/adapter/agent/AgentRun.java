package dev.workstreams.adapter.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The result of a run: how it ended, how long it took, its log file, and the log's last lines
 * (secrets already blanked out) for a comment on the pull request.
 */
public record AgentRun(AgentOutcome outcome, Duration duration, Path log, List<String> tail) {

  public AgentRun {
    tail = List.copyOf(tail);
  }

  public boolean succeeded() {
    return outcome instanceof AgentOutcome.Exited exited && exited.status() == 0;
  }
}
