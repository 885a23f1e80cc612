package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.InertText;
import java.util.ArrayList;
import java.util.List;
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
    BoundedMarkdown body = BoundedMarkdown.comment()
        .text(Markers.task(issue, task.id()) + "\n"
            + "Part of #" + issue + ": workstream `" + task.id() + "`, merge order " + mergeOrder + ".\n\n"
            + "### Task\n" + InertText.text(task.title()) + "\n\n");
    if (!task.prompt().isBlank()) {
      body.text("### Instructions\n" + prompt(task.prompt()) + "\n\n");
    }
    body.items("### Owns\n", task.owns().stream().map(glob -> "- " + InertText.code(glob) + "\n").toList(),
            "- … and %d more (the plan in the issue lists them all)\n", Integer.MAX_VALUE)
        .text("\nChanges outside these paths are reported by the `workstreams/ownership` check.\n");
    List<String> dependencies = new ArrayList<>();
    List<String> dependsOnLines = new ArrayList<>();
    for (String dep : task.dependsOn()) {
      Integer pr = dependencyPullRequests.get(dep);
      dependencies.add("- " + InertText.code(dep) + (pr == null ? "" : ": #" + pr) + "\n");
      if (pr != null) {
        dependsOnLines.add("Depends-On: #" + pr + "\n");
      }
    }
    return body.items("\n### Depends on\n", dependencies, "- … and %d more\n", Integer.MAX_VALUE)
        .text(dependencies.isEmpty() ? "" : "\nReview and merge those first.\n\n")
        .items(dependsOnLines, "")
        .render();
  }

  // Shown as text in a code block: the author's Markdown would mention people and could fake the task marker.
  private static String prompt(String prompt) {
    return "```text\n" + InertText.insideCodeBlock(cut(prompt.strip())) + "\n```";
  }

  private static String cut(String trimmed) {
    if (trimmed.length() <= MAX_PROMPT_CHARS) {
      return trimmed;
    }
    return trimmed.substring(0, MAX_PROMPT_CHARS) + "\n\n… (cut here; the full prompt is in the plan issue)";
  }
}
