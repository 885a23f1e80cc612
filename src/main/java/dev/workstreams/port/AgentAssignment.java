package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import java.util.List;

/**
 * One agent run to perform: which task, with which operator profile, what it may change. {@code
 * protectedPaths} (the repository config's {@code protected}) are never pushed unless the task owns
 * them and {@code labelledByAdmin}. {@code resolveBaseConflict}: the base branch conflicts with the task branch
 * (a sibling merged); the working copy holds that merge in progress for the agent to resolve, and the App
 * completes the merge commit.
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
    int attempt,
    boolean resolveBaseConflict) {

  public AgentAssignment {
    owns = List.copyOf(owns);
    shared = List.copyOf(shared);
    protectedPaths = List.copyOf(protectedPaths);
  }

  /** An ordinary run: the branch is brought up to date with the base before the agent, or the run fails on a conflict. */
  public AgentAssignment(RepositoryId repository, int issue, String taskId, String taskTitle, String profile,
      String baseBranch, String prompt, List<String> owns, List<String> shared, Enforcement enforcement,
      List<String> protectedPaths, boolean labelledByAdmin, int attempt) {
    this(repository, issue, taskId, taskTitle, profile, baseBranch, prompt, owns, shared, enforcement, protectedPaths,
        labelledByAdmin, attempt, false);
  }
}
