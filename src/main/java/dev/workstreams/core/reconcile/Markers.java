package dev.workstreams.core.reconcile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden HTML comments by which the App finds its own pull requests and comments again, even
 * when its database is gone. Their text is part of the contract (DESIGN.md).
 */
public final class Markers {

  public static final String TRACKING = "<!-- workstreams:tracking -->";
  public static final String OWNERSHIP = "<!-- workstreams:ownership -->";
  public static final String CONFLICT_WARNING = "<!-- workstreams:conflict-warning -->";
  private static final Pattern BRANCH = Pattern.compile("workstreams/(\\d{1,10})-([a-z0-9][a-z0-9-]{0,39})");
  private static final Pattern TASK =
      Pattern.compile("<!-- workstreams:task \\{\"issue\":(\\d{1,10}),\"task\":\"([a-z0-9][a-z0-9-]{0,39})\"\\} -->");

  private Markers() {}

  public static String task(int issue, String taskId) {
    return "<!-- workstreams:task {\"issue\":" + issue + ",\"task\":\"" + taskId + "\"} -->";
  }

  /** The plan issue and task a pull request body belongs to, if it carries the task marker. */
  public static Optional<TaskRef> taskOf(String body) {
    Matcher m = TASK.matcher(body == null ? "" : body);
    return m.find() ? taskRef(m) : Optional.empty();
  }

  /** The branch of a task: {@code workstreams/<issue>-<task>}. */
  public static String branch(int issue, String taskId) {
    return branchPrefix(issue) + taskId;
  }

  public static String branchPrefix(int issue) {
    return "workstreams/" + issue + "-";
  }

  /** The plan issue and task a branch name belongs to, if it is {@code workstreams/<issue>-<task>}. */
  public static Optional<TaskRef> taskOfBranch(String branch) {
    Matcher m = BRANCH.matcher(branch == null ? "" : branch);
    return m.matches() ? taskRef(m) : Optional.empty();
  }

  // Ten digits may still be more than an int holds.
  private static Optional<TaskRef> taskRef(Matcher issueAndTask) {
    try {
      return Optional.of(new TaskRef(Integer.parseInt(issueAndTask.group(1)), issueAndTask.group(2)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public record TaskRef(int issue, String taskId) {}
}
