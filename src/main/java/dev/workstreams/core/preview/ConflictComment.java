package dev.workstreams.core.preview;

import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import java.util.List;

/**
 * The text of the radar's one comment on a workstream pull request (the marker is added by the
 * caller). It names both commits of every conflicting pair, so the comment changes, and is edited,
 * exactly when a pair or its head pair changes; the all-clear names no commit, so that later clean
 * pushes leave it alone.
 */
public final class ConflictComment {

  static final int MAX_PATHS = 20;

  private ConflictComment() {}

  public static String text(Tip self, List<Conflict> conflicts, String baseBranch) {
    if (conflicts.isEmpty()) {
      return "**Conflict radar**: the conflicts reported here are gone. This pull request merges cleanly with the "
          + "other open workstreams of its plan and with " + InertText.code(baseBranch) + ".\n";
    }
    List<String> lines = conflicts.stream().map(c -> line(c, baseBranch)).toList();
    return BoundedMarkdown.comment()
        .text("**Conflict radar**: merged in memory at " + InertText.code(self.shortSha()) + ", this pull request "
            + "conflicts with:\n\n")
        .items(lines, "- … and %d more\n")
        .text("\nNothing is merged or pushed by this check. Resolve it on one side (the one later in merge order is "
            + "usually the one to change); this comment is updated on every push.\n")
        .render();
  }

  static String line(Conflict c, String baseBranch) {
    String who = c.other()
        .map(o -> "`" + o.taskId() + "` (#" + o.pullRequest() + ", at " + InertText.code(o.shortSha()) + ")")
        .orElse("the base branch " + InertText.code(baseBranch) + " (at " + InertText.code(GitHubText.shortSha(c.otherSha())) + ")");
    return "- " + who + ": " + paths(c.paths()) + "\n";
  }

  /** Conflicting paths as inline code, at most {@link #MAX_PATHS}, then how many more. */
  static String paths(List<String> paths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(paths.size(), MAX_PATHS); i++) {
      out.append(i == 0 ? "" : ", ").append(InertText.code(paths.get(i)));
    }
    if (paths.size() > MAX_PATHS) {
      out.append(" and ").append(paths.size() - MAX_PATHS).append(" more");
    }
    return out.toString();
  }
}
