package dev.workstreams.port;

import java.util.List;

/**
 * How an agent run ended, as the worker reports it back to the plan's job queue; {@code attempt}
 * tells a late report of an earlier run from the current one. {@code pushed}
 * is true when the task branch holds the run's work; {@code problems} are things a reviewer must
 * know (files left out, stray branches, a refused push), each one line; {@code logTail} is the
 * end of the log, secrets redacted.
 */
public record AgentReport(
    RepositoryId repository,
    int issue,
    String taskId,
    int attempt,
    Result result,
    String summary,
    long seconds,
    boolean pushed,
    List<String> problems,
    List<String> logTail) {

  public enum Result {
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED
  }

  public AgentReport {
    problems = List.copyOf(problems);
    logTail = List.copyOf(logTail);
  }
}
