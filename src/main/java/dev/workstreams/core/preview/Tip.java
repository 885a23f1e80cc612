package dev.workstreams.core.preview;

import dev.workstreams.core.text.GitHubText;

/**
 * An open workstream at the commit its branch points at: what the radar merges and the preview
 * holds. {@code mergeOrder} is the plan's merge order (1 first).
 */
public record Tip(String taskId, int pullRequest, int mergeOrder, String sha) {

  public Tip {
    if (taskId == null || taskId.isEmpty() || sha == null || sha.isEmpty()) {
      throw new IllegalArgumentException("a tip needs a task id and a commit");
    }
  }

  public String shortSha() {
    return GitHubText.shortSha(sha);
  }
}
