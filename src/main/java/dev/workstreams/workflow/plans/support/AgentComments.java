package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import dev.workstreams.port.AgentReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a pull request's reviewer is told about an agent run, if anything. */
public final class AgentComments {

  // GitHub takes at most 65,536 characters in a comment; the log (64 KiB read from its end) alone could fill it.
  private static final int LOG_BUDGET = 40_000;
  private static final int MAX_LINE_CHARS = 1_000;
  private static final int LISTED_PROBLEMS = 50;

  private AgentComments() {}

  public static Optional<String> forReport(AgentReport report, int attempt) {
    StringBuilder text = new StringBuilder();
    switch (report.result()) {
      case SUCCEEDED:
        if (report.problems().isEmpty()) {
          return Optional.empty();
        }
        text.append("The agent finished (").append(report.summary()).append(") and its work is pushed.\n");
        break;
      case CANCELLED:
        text.append("The agent was cancelled (attempt ").append(attempt).append("); nothing was pushed.\n");
        break;
      case INTERRUPTED:
        text.append("The agent's process was lost (the server stopped, attempt ").append(attempt)
            .append("); nothing was pushed. It is queued again while attempts remain.\n");
        break;
      default:
        text.append("The agent failed (attempt ").append(attempt).append("): ").append(report.summary()).append(". ")
            .append(report.pushed() ? "Its changes are pushed, marked as failed, so that a person can continue from them."
                : "Nothing was pushed.")
            .append(" Run it again with `/workstreams retry ").append(report.taskId()).append("` on the plan issue.\n");
    }
    report.problems().stream().limit(LISTED_PROBLEMS)
        .forEach(p -> text.append("\n- ").append(InertText.unmentioned(GitHubText.line(p, MAX_LINE_CHARS))));
    if (report.problems().size() > LISTED_PROBLEMS) {
      text.append("\n- … and ").append(report.problems().size() - LISTED_PROBLEMS).append(" more");
    }
    if (!report.logTail().isEmpty() && report.result() != AgentReport.Result.SUCCEEDED) {
      List<String> shown = lastLines(report.logTail());
      text.append("\n\n<details><summary>Last ").append(shown.size()).append(" lines of the log</summary>\n\n```\n");
      shown.forEach(line -> text.append(InertText.insideCodeBlock(line)).append('\n'));
      text.append("```\n</details>\n");
    }
    // The caller puts its marker in front: leave it room under GitHub's limit.
    return Optional.of(GitHubText.fit(text.toString(), GitHubText.COMMENT - 100));
  }

  // The end of the log says why the agent stopped: keep the last lines that fit, each cut to a readable length.
  private static List<String> lastLines(List<String> tail) {
    List<String> shown = new ArrayList<>();
    int chars = 0;
    for (int i = tail.size() - 1; i >= 0; i--) {
      String line = GitHubText.line(tail.get(i), MAX_LINE_CHARS);
      if (chars + line.length() + 1 > LOG_BUDGET) {
        break;
      }
      chars += line.length() + 1;
      shown.add(0, line);
    }
    return shown;
  }
}
