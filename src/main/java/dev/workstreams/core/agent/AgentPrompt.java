package dev.workstreams.core.agent;

import dev.workstreams.core.text.BlockQuote;
import java.util.List;

/**
 * Writes the prompt an agent receives (on standard input and in {@code WORKSTREAMS_PROMPT_FILE}):
 * its task, the globs it may change, what its dependencies did, the plan's goal, and how to
 * finish. Markdown, because the agents read it best and a person can read it in the log.
 */
public final class AgentPrompt {

  /** How much of the issue body is quoted: the goal, not a whole design document. */
  static final int BODY_EXCERPT_CHARS = 4000;

  private AgentPrompt() {}

  public static String compose(PromptInput input) {
    StringBuilder prompt = new StringBuilder();
    prompt.append("You are a coding agent working on one task of a plan, in a git working copy of the")
        .append(" repository. Other agents work on the plan's other tasks at the same time, each in")
        .append(" its own working copy and branch.\n\n");
    TaskBrief task = input.task();
    prompt.append("# Your task: ").append(task.id()).append(" — ").append(task.title()).append("\n\n");
    prompt.append(task.instructions().isBlank()
        ? "The plan gives no further instructions for this task: its title says what to do.\n"
        : task.instructions().strip() + "\n");
    prompt.append("\n# Files you may change\n\n")
        .append("Change files only under these paths (globs; `*` matches within one folder, `**` across folders):\n")
        .append(bullets(input.owns(), true));
    if (!input.shared().isEmpty()) {
      prompt.append("\nAny task may also change these shared paths:\n").append(bullets(input.shared(), true));
    }
    prompt.append("\nOther tasks own everything else. Changes outside your paths are reported on your")
        .append(" pull request, or left out of it.\n");
    prompt.append("\n# Work this builds on\n\n").append(input.mergedDependencies().isEmpty()
        ? "No other task's work comes before this one.\n"
        : "These pull requests of the plan are merged into your branch already:\n"
            + bullets(input.mergedDependencies(), false));
    IssueGoal issue = input.issue();
    prompt.append("\n# The plan: issue #").append(issue.number()).append(", ").append(issue.title()).append("\n\n")
        .append(BlockQuote.of(excerpt(issue.body())));
    prompt.append("\n# When you finish\n\n")
        .append("- Edit files only under your paths. Commit your work, or leave the changes uncommitted:")
        .append(" the app commits what you changed and pushes it to your branch.\n")
        .append("- Do not push, switch branches or create branches: only this branch is pushed.\n")
        .append("- Exit with status 0 when the task is done.\n")
        .append("- If you cannot finish it, exit with a non-zero status and explain why on standard output:")
        .append(" the end of your output is posted on the pull request.\n");
    return prompt.toString();
  }

  private static String bullets(List<String> items, boolean code) {
    StringBuilder list = new StringBuilder();
    for (String item : items) {
      list.append("- ").append(code ? "`" + item + "`" : item).append('\n');
    }
    return list.toString();
  }

  /** The body's beginning, cut at a line end, marked when cut. */
  static String excerpt(String body) {
    String text = body.strip();
    if (text.isEmpty()) {
      return "(The issue has no description.)";
    }
    if (text.length() <= BODY_EXCERPT_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf('\n', BODY_EXCERPT_CHARS);
    return text.substring(0, cut > 0 ? cut : BODY_EXCERPT_CHARS).stripTrailing() + "\n[…]";
  }
}
