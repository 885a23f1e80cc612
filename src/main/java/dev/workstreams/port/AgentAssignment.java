package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import java.util.List;

/** One agent run to perform: which task, with which operator profile, what it may change. */
public record AgentAssignment(
    RepositoryId repository,
    int issue,
    String taskId,
    String taskTitle,
    String profile,
    String baseBranch,
    String prompt,
    List<String> owns,
    List<String> shared,
    Enforcement enforcement,
    int attempt) {

  public AgentAssignment {
    owns = List.copyOf(owns);
    shared = List.copyOf(shared);
  }
}
