package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import java.util.List;

/**
 * One agent run to perform: which task, with which operator profile, what it may change. {@code
 * protectedPaths} (the repository config's {@code protected}) are never pushed unless the task owns
 * them and {@code labelledByAdmin}.
 */
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
    List<String> protectedPaths,
    boolean labelledByAdmin,
    int attempt) {

  public AgentAssignment {
    owns = List.copyOf(owns);
    shared = List.copyOf(shared);
    protectedPaths = List.copyOf(protectedPaths);
  }
}
