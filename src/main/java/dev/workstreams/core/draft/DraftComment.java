package dev.workstreams.core.draft;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.simulate.Simulation;
import dev.workstreams.core.simulate.SimulationText;
import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one comment on an issue that holds its drafted plan (marker {@link Markers#DRAFT}), edited on
 * later drafts. The drafted block comes first: {@code /workstreams accept} takes the comment's first
 * plan block. A failed draft shows its last plan in a {@code text} block, which is no plan block.
 */
public final class DraftComment {

  private static final int MAX_PROBLEM_CHARS = 1_000;

  private DraftComment() {}

  public static String drafted(String block, PlanReport report, Optional<Simulation> simulation, int rounds,
      String profile, String base, String triggerId) {
    PlanSchedule s = report.schedule().orElseThrow();
    List<String> levels = new ArrayList<>();
    for (int k = 0; k < s.levels().size(); k++) {
      levels.add((k + 1) + ": " + String.join(", ", s.levels().get(k).stream().map(id -> "`" + id + "`").toList()));
    }
    String analysis = String.format(Locale.ROOT,
        "**Analysis**: %d tasks in %d levels (%s). Critical path: %s. Widest level: %d. Expected speed-up over one"
            + " session: %.2f×.%n",
        report.plan().tasks().size(), s.levels().size(), String.join("; ", levels),
        String.join(" → ", s.criticalPath().stream().map(id -> "`" + id + "`").toList()), s.widestLevel(),
        s.expectedSpeedup());
    List<String> notes = report.problems().stream().filter(p -> !p.isError()).map(DraftComment::bullet).toList();
    return BoundedMarkdown.comment()
        .text(Markers.DRAFT + "\n" + Markers.draftTrigger(triggerId) + "\n### workstreams: drafted plan\n\n")
        .text("The planner `" + InertText.text(profile) + "` drafted this plan from `" + InertText.text(base) + "` in "
            + rounds + (rounds == 1 ? " round" : " rounds") + "; the plan engine accepts it. Nothing is created until"
            + " someone with write access comments `/workstreams accept`, which appends it to the issue and adds the"
            + " trigger label. `/workstreams draft` drafts again.\n\n")
        .text(block + "\n")
        .text(analysis)
        .text(simulation.map(sim -> "\n**Simulation**: " + SimulationText.line(sim) + "\n\n" + SimulationText.table(sim))
            .orElse(""))
        .items("\n**Worth a look**\n\n", notes, "- … and %d more\n", Integer.MAX_VALUE)
        .render();
  }

  public static String failed(DraftRound last, int rounds, String profile, String triggerId) {
    List<String> errors = last.errors().stream().map(DraftComment::bullet).toList();
    BoundedMarkdown out = BoundedMarkdown.comment()
        .text(Markers.DRAFT + "\n" + Markers.draftTrigger(triggerId) + "\n### workstreams: no valid plan drafted\n\n")
        .text("After " + rounds + (rounds == 1 ? " round" : " rounds") + ", the plan of the planner `"
            + InertText.text(profile) + "` still has " + (errors.size() == 1 ? "this problem" : "these problems")
            + ". Nothing was created. Write the plan by hand, or comment `/workstreams draft` to try again.\n\n")
        .items(errors, "- … and %d more problems\n");
    last.block().ifPresent(block -> out.text("\nIts last plan:\n\n```text\n"
        + block.replaceFirst("^```plan\n", "").replaceFirst("```\n?$", "") + "```\n"));
    return out.render();
  }

  /** Drafting cannot start (no planner profile, no sandbox): said in the same comment. */
  public static String unavailable(String reason, String triggerId) {
    return GitHubText.comment(Markers.DRAFT + "\n" + Markers.draftTrigger(triggerId)
        + "\n### workstreams: no plan drafted\n\n" + reason + "\n");
  }

  private static String bullet(PlanProblem p) {
    return "- " + GitHubText.line(InertText.unmentioned(p.toString()), MAX_PROBLEM_CHARS) + "\n";
  }
}
