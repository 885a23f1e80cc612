package dev.workstreams.workflow.plans.support;

import dev.workstreams.port.AgentReport;
import java.util.Optional;

/** What a pull request's reviewer is told about an agent run, if anything. */
public final class AgentComments {

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
    report.problems().forEach(p -> text.append("\n- ").append(p));
    if (!report.logTail().isEmpty() && report.result() != AgentReport.Result.SUCCEEDED) {
      text.append("\n\n<details><summary>Last ").append(report.logTail().size()).append(" lines of the log</summary>\n\n```\n");
      report.logTail().forEach(line -> text.append(line.replace("```", "`\u200b``")).append('\n'));
      text.append("```\n</details>\n");
    }
    return Optional.of(text.toString());
  }
}
