package dev.workstreams.core.ownership;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The warning on a pull request that is not a workstream but changes files an open workstream
 * owns: merging either one first leaves the other to resolve conflicts. The caller puts the
 * comment's marker in front, by which it finds the comment again.
 */
public final class ConflictWarning {

  /** Paths named per workstream; the rest are counted, so that the comment stays readable. */
  static final int SHOWN_PATHS = 5;

  private ConflictWarning() {}

  /**
   * An open workstream whose files a pull request changes.
   *
   * @param paths the changed paths the task owns, in listing order
   */
  public record Touched(int planIssue, String taskId, int pullRequest, List<String> paths) {

    public Touched {
      Objects.requireNonNull(taskId, "taskId");
      paths = List.copyOf(paths);
    }
  }

  public static String comment(List<Touched> touched) {
    List<String> lines = touched.stream().map(ConflictWarning::line).toList();
    return "This pull request changes files that open workstreams own, so it may conflict with them:\n\n"
        + MarkdownList.bullets(lines)
        + "\nMerging it first leaves those workstreams to resolve the conflicts, and the other way round; "
        + "consider waiting for them or talking to their authors.\n";
  }

  /** What the warning says once later pushes no longer touch any open workstream's files. */
  public static String cleared() {
    return "This pull request no longer changes files that open workstreams own.\n";
  }

  private static String line(Touched t) {
    List<String> shown = t.paths().subList(0, Math.min(SHOWN_PATHS, t.paths().size()));
    String more = t.paths().size() > shown.size() ? " and " + (t.paths().size() - shown.size()) + " more" : "";
    return "task `" + t.taskId() + "` of plan #" + t.planIssue() + " (#" + t.pullRequest() + "): "
        + shown.stream().map(MarkdownList::code).collect(Collectors.joining(", ")) + more;
  }
}
