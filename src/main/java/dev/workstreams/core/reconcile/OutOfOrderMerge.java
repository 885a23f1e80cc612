package dev.workstreams.core.reconcile;

import java.util.List;
import java.util.Optional;

/**
 * A workstream pull request merged before one or more of its dependencies: the comment on the plan
 * issue that says which were skipped. Merging is the reviewer's call, so this informs and blocks
 * nothing. The marker names the merged task, so each task gets at most one such comment.
 */
public record OutOfOrderMerge(String taskId, int pullRequest, List<Skipped> skipped) {

  public OutOfOrderMerge {
    if (skipped.isEmpty()) {
      throw new IllegalArgumentException("a merge out of order skips at least one dependency");
    }
    skipped = List.copyOf(skipped);
  }

  /** A dependency not merged when its dependent was; {@code closed} when it was closed without merging. */
  public record Skipped(String taskId, Optional<Integer> pullRequest, boolean closed) {

    String describe() {
      String where = pullRequest.map(n -> "#" + n).orElse("no pull request yet");
      return "`" + taskId + "` (" + where + (closed ? ", closed without merging" : "") + ")";
    }
  }

  public static String marker(String taskId) {
    return Markers.outOfOrder(taskId);
  }

  public String comment() {
    List<String> names = skipped.stream().map(Skipped::describe).toList();
    String list = names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    return marker(taskId) + "\n"
        + "**Merged out of order**: #" + pullRequest + " (`" + taskId + "`) was merged before its "
        + (names.size() == 1 ? "dependency " : "dependencies ") + list + ".\n\n"
        + "Nothing is blocked. Until the skipped work is merged, the base branch may hold code that expects it: "
        + "check that the base branch still builds.\n";
  }
}
