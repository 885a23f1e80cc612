package dev.workstreams.core.ownership;

import dev.workstreams.core.text.GitHubText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The verdict on one push of a workstream pull request, and every text a person reads about it:
 * the ownership comment and the check run's title and summary. Fails closed: a file list that
 * GitHub cut at its cap fails even when every listed file is inside the task.
 *
 * @param taskId the workstream's task
 * @param planIssue the plan issue the task belongs to
 * @param globs the task's globs, as the stored plan lists them
 * @param headSha the commit that was checked
 * @param violations changed paths outside the task and not shared
 * @param pullRequests the pull request number of each task of the plan that has one
 * @param complete false when GitHub's listing stopped at its 3,000-file cap
 * @param checkedPaths how many paths were checked (a rename counts at both paths)
 */
public record OwnershipReport(
    String taskId,
    int planIssue,
    List<String> globs,
    String headSha,
    List<Violation> violations,
    Map<String, Integer> pullRequests,
    boolean complete,
    int checkedPaths) {

  public static final String CAP = "workstreams cannot verify every file: GitHub lists at most 3,000 files of a pull "
      + "request, and this one reaches that limit. The files past it were not checked, so the check fails until the "
      + "pull request is split into smaller ones.";

  public OwnershipReport {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(headSha, "headSha");
    globs = List.copyOf(globs);
    violations = List.copyOf(violations);
    pullRequests = Map.copyOf(pullRequests);
  }

  public boolean passed() {
    return complete && violations.isEmpty();
  }

  /**
   * The ownership comment: the problems while there are some, else that they are gone. The caller
   * puts the comment's marker in front, by which it finds the comment again.
   */
  public String comment() {
    // The caller's marker goes in front: leave it room under GitHub's limit.
    return GitHubText.fit(commentText(), GitHubText.COMMENT - 100);
  }

  private String commentText() {
    StringBuilder out = new StringBuilder()
        .append("### Ownership of task `").append(taskId).append("` (plan #").append(planIssue).append(")\n\n")
        .append("Checked at `").append(GitHubText.shortSha(headSha)).append("`.");
    if (passed()) {
      return out.append(" All files are inside the task's ownership now.\n").toString();
    }
    out.append("\n\n");
    if (!complete) {
      out.append(":warning: ").append(CAP).append("\n\n");
    }
    if (violations.isEmpty()) {
      return out.append("No listed file is outside the task's ownership.\n").toString();
    }
    return out.append(MarkdownList.plural(violations.size(), "file is", "files are"))
        .append(" outside the task's ownership:\n\n").append(MarkdownList.bullets(lines())).append('\n')
        .append("Only the task's globs (").append(globList()).append(") and the repository's `shared` paths may change ")
        .append("in this pull request: move these changes to the workstream that owns them, or change the plan.\n")
        .toString();
  }

  public String checkTitle() {
    return GitHubText.line(checkTitleText(), GitHubText.CHECK_TITLE);
  }

  private String checkTitleText() {
    if (!complete) {
      return "Cannot verify every file";
    }
    return violations.isEmpty()
        ? "All files inside task " + taskId
        : MarkdownList.plural(violations.size(), "file", "files") + " outside task " + taskId;
  }

  public String checkSummary() {
    return GitHubText.checkOutput(checkSummaryText());
  }

  private String checkSummaryText() {
    String scope = MarkdownList.plural(checkedPaths, "path", "paths") + " checked against task `" + taskId
        + "` of plan #" + planIssue + " (" + globList() + ") and the repository's `shared` paths.";
    StringBuilder out = new StringBuilder();
    if (!complete) {
      out.append(CAP).append("\n\n");
    }
    out.append(scope).append('\n');
    if (!violations.isEmpty()) {
      out.append('\n').append(MarkdownList.plural(violations.size(), "file is", "files are"))
          .append(" outside the task's ownership:\n\n").append(MarkdownList.bullets(lines()));
    } else if (complete) {
      out.append("\nAll files are inside the task's ownership.\n");
    }
    return out.toString();
  }

  private List<String> lines() {
    return violations.stream().map(this::line).toList();
  }

  private String line(Violation v) {
    String owner = v.ownerTaskId()
        .map(task -> "owned by task `" + task + "` ("
            + (pullRequests.containsKey(task) ? "#" + pullRequests.get(task) : "no pull request yet") + ")")
        .orElse("owned by no task");
    return MarkdownList.code(v.path()) + ": " + owner;
  }

  private String globList() {
    return globs.stream().map(MarkdownList::code).collect(Collectors.joining(", "));
  }
}
