package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one comment on a plan issue that the App keeps up to date: the table of workstreams, the
 * plan's shape, and anything the author should fix. Found again by {@link Markers#TRACKING}.
 */
public final class TrackingComment {

  /** A rejected edit shown above a running plan's table leaves the table most of the comment's room. */
  static final int MAX_REJECTED_EDIT_CHARS = 16_000;
  private static final int MAX_PROBLEM_CHARS = 1_000;
  private static final String MORE_PROBLEMS = "- … and %d more problems\n";
  private static final String MORE_ROWS = "| | … and %d more tasks | | |\n";

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
    return problemsOf(BoundedMarkdown.comment().text(Markers.TRACKING + "\n" + (previousPlanKept
        ? "### workstreams: this edit of the plan was not applied\n\nThe workstreams already open go on under the plan as it was before the edit.\n\n"
        : "### workstreams: this plan was not accepted\n\n")), problems, "before anything is created").render();
  }

  /**
   * What a running plan's tracking comment says, above its table, while the issue body holds an edit that was not
   * applied: the edit's problems, at most {@link #MAX_REJECTED_EDIT_CHARS} characters. Kept with the plan, so that
   * every later rendering of the table still shows it until the body is valid again.
   */
  public static String rejectedEdit(List<PlanProblem> problems) {
    BoundedMarkdown edit = new BoundedMarkdown(MAX_REJECTED_EDIT_CHARS)
        .text("**The last edit of the plan was not applied**: the workstreams below go on under the plan as it was "
            + "before the edit.\n\n");
    return problemsOf(edit, problems, "before the edit is applied").render();
  }

  private static BoundedMarkdown problemsOf(BoundedMarkdown out, List<PlanProblem> problems, String until) {
    List<String> errors = bullets(problems.stream().filter(PlanProblem::isError).toList());
    List<String> others = bullets(problems.stream().filter(p -> !p.isError()).toList());
    return out
        .text((errors.size() == 1 ? "One problem" : errors.size() + " problems")
            + " must be fixed " + until + ". Edit the issue to fix "
            + (errors.size() == 1 ? "it" : "them") + "; the plan is checked again on every edit.\n\n")
        .items(errors, MORE_PROBLEMS)
        .items("\nAlso worth a look:\n\n", others, "- … and %d more\n", Integer.MAX_VALUE);
  }

  /** The comment for an accepted plan. */
  public static String accepted(
      List<WorkstreamStatus> rows, PlanSchedule schedule, List<PlanProblem> findings, boolean cancelled,
      Optional<String> summary) {
    return accepted(rows, schedule, findings, cancelled, summary, "");
  }

  /**
   * The comment for an accepted plan; {@code rejectedEdit} (from {@link #rejectedEdit}, or empty) goes first, so that
   * a comment that must be cut still says that the issue body is not the plan in force.
   */
  public static String accepted(
      List<WorkstreamStatus> rows, PlanSchedule schedule, List<PlanProblem> findings, boolean cancelled,
      Optional<String> summary, String rejectedEdit) {
    return accepted(rows, schedule, findings, cancelled, summary, rejectedEdit, "", "");
  }

  /**
   * The comment for an accepted plan, with the simulation's line and table ({@code simulation}, or empty) and the
   * conflict radar's and the integration preview's sections ({@code integrationNote}, bounded by its maker; empty:
   * none) below the plan's shape.
   */
  public static String accepted(
      List<WorkstreamStatus> rows, PlanSchedule schedule, List<PlanProblem> findings, boolean cancelled,
      Optional<String> summary, String rejectedEdit, String integrationNote, String simulation) {
    List<String> table = rows.stream().map(TrackingComment::row).toList();
    return BoundedMarkdown.comment()
        .text(Markers.TRACKING + "\n" + (cancelled
            ? "### workstreams: plan cancelled\n\nThe trigger label was removed: agents are stopped and nothing new starts. Pull requests stay open.\n\n"
            : "### workstreams\n\n"))
        .text(rejectedEdit.isEmpty() ? "" : rejectedEdit + "\n")
        .text("| merge order | task | pull request | state |\n|---|---|---|---|\n")
        .items(table, MORE_ROWS)
        .text("\n" + shape(schedule, rows.size()))
        .text(simulation.isEmpty() ? "" : "\n" + simulation)
        .text(integrationNote.isEmpty() ? "" : "\n" + integrationNote)
        .text(summary.map(s -> "\n" + s + "\n").orElse(""))
        .items("\n**Worth a look**\n\n", bullets(findings), "- … and %d more\n", Integer.MAX_VALUE)
        .text("\nMerge in merge order: 1 first; pull requests with the same number in any order. "
            + "Commands: `/workstreams status`, `/workstreams retry <task>`, `/workstreams cancel <task>`.\n")
        .render();
  }

  // Titles and details are the plan author's text: inert, so they cannot mention, format, end a cell or fake a marker.
  private static String row(WorkstreamStatus row) {
    return "| " + row.mergeOrder()
        + " | `" + row.taskId() + "` " + InertText.text(row.title())
        + " | " + row.pullRequest().map(n -> "#" + n).orElse("–")
        + " | " + row.state().text() + (row.detail().isEmpty() ? "" : ": " + InertText.text(row.detail()))
        + " |\n";
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

  // A message may quote a whole key or value of the author's; one such line must not crowd out the others.
  private static List<String> bullets(List<PlanProblem> problems) {
    return problems.stream().map(p -> "- " + GitHubText.line(p.toString(), MAX_PROBLEM_CHARS) + "\n").toList();
  }
}
