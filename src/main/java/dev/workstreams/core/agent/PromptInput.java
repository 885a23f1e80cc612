package dev.workstreams.core.agent;

import java.util.List;

/**
 * Everything an agent is told.
 *
 * @param owns the task's globs: the only paths it may change
 * @param shared the repository config's {@code shared} paths, which any task may change
 * @param mergedDependencies titles of the dependencies' merged pull requests, in merge order
 */
public record PromptInput(
    TaskBrief task, IssueGoal issue, List<String> owns, List<String> shared, List<String> mergedDependencies) {

  public PromptInput {
    owns = List.copyOf(owns);
    shared = List.copyOf(shared);
    mergedDependencies = List.copyOf(mergedDependencies);
  }
}
