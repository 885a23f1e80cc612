package dev.workstreams.adapter.git;

import java.util.regex.Pattern;

/**
 * One task of one plan issue: names the task branch ({@code workstreams/<issue>-<task>}, as the
 * design fixes it) and the working copy's folder ({@code <issue>-<task>}).
 */
public record TaskKey(int issue, String taskId) {

  private static final Pattern TASK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public TaskKey {
    if (issue <= 0) {
      throw new IllegalArgumentException("issue number must be positive: " + issue);
    }
    if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
  }

  /** The branch the task's pull request comes from. */
  public String branch() {
    return "workstreams/" + folderName();
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
