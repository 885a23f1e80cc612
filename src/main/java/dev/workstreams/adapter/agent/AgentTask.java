package dev.workstreams.adapter.agent;

import dev.workstreams.core.plan.TaskIds;
import java.util.regex.Pattern;

/**
 * Which task an agent works on: names its log folder ({@code logs/<owner>/<repo>/<issue>-<task>/})
 * and fills {@code WORKSTREAMS_TASK_ID} and {@code WORKSTREAMS_ISSUE}.
 */
public record AgentTask(String owner, String repository, int issue, String taskId) {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public AgentTask {
    for (String part : new String[] {owner, repository}) {
      if (part == null || !SAFE.matcher(part).matches() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("not a repository owner or name: " + part);
      }
    }
    if (issue <= 0 || !TaskIds.valid(taskId)) {
      throw new IllegalArgumentException("not an issue and task id: " + issue + "/" + taskId);
    }
  }

  @Override
  public String toString() {
    return owner + "/" + repository + "#" + issue + "/" + taskId;
  }
}
