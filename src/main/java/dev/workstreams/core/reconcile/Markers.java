package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.TaskIds;
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
  /** The notice that someone without write access tried to start a plan. */
  public static final String PERMISSION = "<!-- workstreams:permission -->";
  /** The notice that {@code .github/workstreams.yml} cannot be read. */
  public static final String CONFIG = "<!-- workstreams:config -->";
  /** The notice that a plan names an agent profile the operator has not defined. */
  public static final String AGENT_PROFILE = "<!-- workstreams:agent-profile -->";
  /** The notice that agents cannot start because no sandbox is available. */
  public static final String AGENT_SANDBOX = "<!-- workstreams:agent-sandbox -->";
  /** On a pull request whose task was removed from the plan. */
  public static final String REMOVED = "<!-- workstreams:removed -->";
  /** The conflict radar's one comment on a workstream pull request. */
  public static final String CONFLICT = "<!-- workstreams:conflict -->";
  /** The one warning on a preview pull request that someone merged anyway. */
  public static final String PREVIEW_MERGED = "<!-- workstreams:preview-merged -->";
  /** The one comment holding an issue's drafted plan, edited on later drafts. */
  public static final String DRAFT = "<!-- workstreams:draft -->";
  /** In an issue body: what follows is a drafted plan a person accepted. */
  public static final String DRAFTED_PLAN = "<!-- workstreams:drafted-plan -->";
  /**
   * The one notice on a plan issue that its agents wait for the installation to accept the Actions permission, edited
   * once it is accepted.
   */
  public static final String ACTIONS_PERMISSION = "<!-- workstreams:actions-permission -->";
  private static final Pattern BRANCH = Pattern.compile("workstreams/(\\d{1,10})-(" + TaskIds.REGEX + ")");
  private static final Pattern TASK =
      Pattern.compile("<!-- workstreams:task \\{\"issue\":(\\d{1,10}),\"task\":\"(" + TaskIds.REGEX + ")\"\\} -->");

  private Markers() {}

  /** The tracking comment's text without its marker line, as a reply quotes it. */
  public static String withoutTracking(String trackingComment) {
    return trackingComment.startsWith(TRACKING + "\n") ? trackingComment.substring(TRACKING.length() + 1) : trackingComment;
  }

  /** Which request a draft comment answers (a delivery id), so that a redelivered request drafts nothing twice. */
  public static String draftTrigger(String id) {
    return "<!-- workstreams:draft-trigger " + id.replaceAll("[^A-Za-z0-9-]", "") + " -->";
  }

  /** The App's one reply to the comment command in comment {@code commentId}. */
  public static String reply(long commentId) {
    return "<!-- workstreams:reply " + commentId + " -->";
  }

  /** The outcome comment of one agent run of a task. */
  public static String agentOutcome(String taskId, int attempt) {
    return "<!-- workstreams:agent " + taskId + " attempt " + attempt + " -->";
  }

  /** The prompt of an agent attempt on a GitHub Actions runner, which reads it from this comment. */
  public static String actionsPrompt(String attemptKey) {
    return "<!-- workstreams:prompt " + attemptKey + " -->";
  }

  /** The notice that a task was merged before one of its dependencies. */
  public static String outOfOrder(String taskId) {
    return "<!-- workstreams:out-of-order " + taskId + " -->";
  }

  /**
   * The comment that the App gave up on a delivery: {@code <!-- workstreams:gave-up {"delivery":"ID"} -->}.
   * The id is anyone's to write, so it is a JSON string with {@code >} escaped: it cannot close the comment.
   */
  public static String gaveUp(String deliveryId) {
    StringBuilder id = new StringBuilder();
    for (char c : deliveryId.toCharArray()) {
      if (c == '"' || c == '\\') {
        id.append('\\').append(c);
      } else if (c < 0x20 || c == '>') {
        id.append(String.format("\\u%04x", (int) c));
      } else {
        id.append(c);
      }
    }
    return "<!-- workstreams:gave-up {\"delivery\":\"" + id + "\"} -->";
  }

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

  /** The integration preview's branch: {@code workstreams/<issue>-preview}. */
  public static String previewBranch(int issue) {
    return branchPrefix(issue) + "preview";
  }

  /** The hidden line of the App's preview pull request of plan {@code issue}. */
  public static String preview(int issue) {
    return "<!-- workstreams:preview {\"issue\":" + issue + "} -->";
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
