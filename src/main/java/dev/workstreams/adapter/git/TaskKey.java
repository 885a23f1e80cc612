package dev.workstreams.adapter.git;

import dev.workstreams.core.plan.TaskIds;
import dev.workstreams.core.reconcile.Markers;

/**
 * One task of one plan issue: names the task branch ({@code workstreams/<issue>-<task>}, as the
 * design fixes it) and the working copy's folder ({@code <issue>-<task>}).
 */
public record TaskKey(int issue, String taskId) {

  public TaskKey {
    if (issue <= 0) {
      throw new IllegalArgumentException("issue number must be positive: " + issue);
    }
    if (!TaskIds.valid(taskId)) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
  }

  /** The branch the task's pull request comes from. */
  public String branch() {
    return Markers.branch(issue, taskId);
  }

  /** The working copy's folder name under the repository's workspaces folder. */
  public String folderName() {
    return issue + "-" + taskId;
  }

  @Override
  public String toString() {
    return "#" + issue + "/" + taskId;
  }
}
