package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.Task;
import java.util.Map;

/**
 * The body of a workstream pull request: what a reviewer needs (the plan issue, the task, its
 * instructions, what it owns, what it waits for), the hidden task marker, and one
 * {@code Depends-On: #N} line per dependency, the convention merge queues (Mergify, Zuul) read.
 */
public final class PullRequestBody {

  // GitHub refuses bodies over 65,536 characters; the prompt alone may be 64 KiB.
  static final int MAX_PROMPT_CHARS = 50_000;

  private PullRequestBody() {}

  public static String render(int issue, Task task, int mergeOrder, Map<String, Integer> dependencyPullRequests) {
    StringBuilder body = new StringBuilder();
    body.append(Markers.task(issue, task.id())).append('\n');
    body.append("Part of #").append(issue).append(": workstream `").append(task.id())
        .append("`, merge order ").append(mergeOrder).append(".\n\n");
    body.append("### Task\n").append(task.title()).append("\n\n");
    if (!task.prompt().isBlank()) {
      body.append("### Instructions\n").append(prompt(task.prompt())).append("\n\n");
    }
    body.append("### Owns\n");
    task.owns().forEach(glob -> body.append("- `").append(glob).append("`\n"));
    body.append("\nChanges outside these paths are reported by the `workstreams/ownership` check.\n");
    if (!task.dependsOn().isEmpty()) {
      body.append("\n### Depends on\n");
      for (String dep : task.dependsOn()) {
        Integer pr = dependencyPullRequests.get(dep);
        body.append("- `").append(dep).append("`").append(pr == null ? "" : ": #" + pr).append('\n');
      }
      body.append("\nReview and merge those first.\n\n");
      for (String dep : task.dependsOn()) {
        Integer pr = dependencyPullRequests.get(dep);
        if (pr != null) {
          body.append("Depends-On: #").append(pr).append('\n');
        }
      }
    }
    return body.toString();
  }

  private static String prompt(String prompt) {
    String trimmed = prompt.strip();
    if (trimmed.length() <= MAX_PROMPT_CHARS) {
      return trimmed;
    }
    return trimmed.substring(0, MAX_PROMPT_CHARS) + "\n\n… (cut here; the full prompt is in the plan issue)";
  }
}
