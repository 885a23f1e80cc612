package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.schedule.PlanSchedule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one comment on a plan issue that the App keeps up to date: the table of workstreams, the
 * plan's shape, and anything the author should fix. Found again by {@link Markers#TRACKING}.
 */
public final class TrackingComment {

  private TrackingComment() {}

  /** The comment for a plan that was rejected: every problem, nothing created. */
  public static String rejected(List<PlanProblem> problems) {
    return rejected(problems, false);
  }

  /**
   * The comment for a rejected plan; {@code previousPlanKept} when an edit of a running plan was
   * rejected, so its workstreams go on under the plan as it was.
   */
  public static String rejected(List<PlanProblem> problems, boolean previousPlanKept) {
    StringBuilder out = new StringBuilder(Markers.TRACKING).append('\n');
    long errors = problems.stream().filter(PlanProblem::isError).count();
    out.append(previousPlanKept
        ? "### workstreams: this edit of the plan was not applied\n\nThe workstreams already open go on under the plan as it was before the edit.\n\n"
        : "### workstreams: this plan was not accepted\n\n");
    out.append(errors == 1 ? "One problem" : errors + " problems")
        .append(" must be fixed before anything is created. Edit the issue to fix ")
        .append(errors == 1 ? "it" : "them").append("; the plan is checked again on every edit.\n\n");
    problems.stream().filter(PlanProblem::isError).forEach(p -> out.append("- ").append(bullet(p)).append('\n'));
    List<PlanProblem> others = problems.stream().filter(p -> !p.isError()).toList();
    if (!others.isEmpty()) {
      out.append("\nAlso worth a look:\n\n");
      others.forEach(p -> out.append("- ").append(bullet(p)).append('\n'));
    }
    return out.toString();
  }

  /** The comment for an accepted plan. */
  public static String accepted(
      List<WorkstreamStatus> rows, PlanSchedule schedule, List<PlanProblem> findings, boolean cancelled,
      Optional<String> summary) {
    StringBuilder out = new StringBuilder(Markers.TRACKING).append('\n');
    out.append(cancelled
        ? "### workstreams: plan cancelled\n\nThe trigger label was removed: agents are stopped and nothing new starts. Pull requests stay open.\n\n"
        : "### workstreams\n\n");
    out.append("| merge order | task | pull request | state |\n|---|---|---|---|\n");
    for (WorkstreamStatus row : rows) {
      out.append("| ").append(row.mergeOrder())
          .append(" | `").append(row.taskId()).append("` ").append(escape(row.title()))
          .append(" | ").append(row.pullRequest().map(n -> "#" + n).orElse("–"))
          .append(" | ").append(row.state().text())
          .append(row.detail().isEmpty() ? "" : ": " + escape(row.detail()))
          .append(" |\n");
    }
    out.append('\n').append(shape(schedule, rows.size()));
    summary.ifPresent(s -> out.append('\n').append(s).append('\n'));
    if (!findings.isEmpty()) {
      out.append("\n**Worth a look**\n\n");
      findings.forEach(p -> out.append("- ").append(bullet(p)).append('\n'));
    }
    out.append("\nMerge in merge order: 1 first; pull requests with the same number in any order. ")
        .append("Commands: `/workstreams status`, `/workstreams retry <task>`, `/workstreams cancel <task>`.\n");
    return out.toString();
  }

  static String shape(PlanSchedule schedule, int tasks) {
    return String.format(
        Locale.ROOT,
        "Critical path: %s (%d of %d tasks). Widest level: %d. Expected speed-up over one session: %.2f×.%n",
        String.join(" → ", schedule.criticalPath().stream().map(id -> "`" + id + "`").toList()),
        schedule.criticalPath().size(),
        tasks,
        schedule.widestLevel(),
        schedule.expectedSpeedup());
  }

  private static String bullet(PlanProblem p) {
    return (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message();
  }

  // Table cells: a pipe would end the cell, a newline the row.
  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
