package dev.workstreams.cli;

import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanProblem.Severity;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.simulate.Replay;
import dev.workstreams.core.simulate.Simulation;
import dev.workstreams.core.simulate.SimulationText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report as a person reads it on a terminal. */
final class TextReportWriter {

  String write(PlanReport report, Optional<Simulation> simulation) {
    StringBuilder out = new StringBuilder();
    tasks(report, out);
    report.schedule().ifPresent(s -> analysis(s, report.plan().tasks().size(), out));
    simulation.ifPresent(s -> simulation(s, out));
    problems("Errors", Severity.ERROR, report.problems(), out);
    problems("Warnings", Severity.WARNING, report.problems(), out);
    problems("Notes", Severity.INFO, report.problems(), out);
    long errors = report.errors().size();
    out.append(
        report.valid()
            ? "\nValid plan: label the issue to open its workstreams.\n"
            : "\nInvalid plan: " + errors + " error" + (errors == 1 ? "" : "s") + "; nothing would be created.\n");
    return out.toString();
  }

  private static void tasks(PlanReport report, StringBuilder out) {
    List<Task> tasks = report.plan().tasks();
    if (tasks.isEmpty()) {
      return;
    }
    out.append("Tasks (").append(tasks.size()).append(")\n");
    Map<String, Integer> order = report.schedule().map(PlanSchedule::mergeOrder).orElse(Map.of());
    int width = tasks.stream().mapToInt(t -> t.id().length()).max().orElse(0);
    for (Task task : tasks) {
      String k = order.containsKey(task.id()) ? String.valueOf(order.get(task.id())) : "-";
      out.append(String.format(Locale.ROOT, "  %-3s %-" + width + "s  %s%n", k, task.id(), task.title()));
      out.append("        owns: ").append(String.join(", ", task.owns())).append('\n');
      if (!task.dependsOn().isEmpty()) {
        out.append("        depends on: ").append(String.join(", ", task.dependsOn())).append('\n');
      }
    }
    out.append("  (the first column is the merge order: merge 1 first; equal numbers in any order)\n");
  }

  private static void analysis(PlanSchedule s, int taskCount, StringBuilder out) {
    out.append("\nAnalysis\n");
    out.append("  levels:            ").append(s.levels().size()).append('\n');
    for (int k = 0; k < s.levels().size(); k++) {
      out.append("    ").append(k + 1).append(": ").append(String.join(", ", s.levels().get(k))).append('\n');
    }
    out.append("  critical path:     ")
        .append(String.join(" → ", s.criticalPath()))
        .append(" (")
        .append(s.criticalPath().size())
        .append(s.criticalPath().size() == 1 ? " task)\n" : " tasks)\n");
    out.append("  widest level:      ").append(s.widestLevel()).append(s.widestLevel() == 1 ? " task\n" : " tasks\n");
    out.append(
        String.format(
            Locale.ROOT,
            "  expected speed-up: %.2f× over one session (%s in %s, tasks of equal size)%n",
            s.expectedSpeedup(),
            count(taskCount, "task"),
            count(s.levels().size(), "round")));
  }

  private static void simulation(Simulation s, StringBuilder out) {
    out.append("\nSimulation (review time ").append(WorkDuration.format(s.reviewTime()))
        .append(" per pull request, one reviewer in merge order)\n");
    out.append("  max_parallel  wall time  reviewer idle  speed-up\n");
    for (Replay r : s.replays()) {
      out.append(String.format(Locale.ROOT, "  %-12s  %-9s  %-13s  %s%n",
          r.capacity() + (r.capacity() == s.maxParallel() ? " (plan)" : ""), WorkDuration.format(r.wallTime()),
          WorkDuration.format(r.reviewerIdle()), SimulationText.speedup(s, r)));
    }
    out.append("  one at a time: ").append(WorkDuration.format(s.serialTime()))
        .append("; critical path with reviews: ").append(WorkDuration.format(s.criticalPath()))
        .append("; unlimited: ").append(WorkDuration.format(s.unlimited().wallTime())).append('\n');
    out.append("  ").append(SimulationText.knee(s)).append('\n');
    if (!s.guessed().isEmpty()) {
      out.append("  without an estimate, taken as ").append(WorkDuration.format(s.guess())).append(": ")
          .append(String.join(", ", s.guessed())).append('\n');
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void problems(String heading, Severity severity, List<PlanProblem> all, StringBuilder out) {
    List<PlanProblem> selected = all.stream().filter(p -> p.severity() == severity).toList();
    if (selected.isEmpty()) {
      return;
    }
    out.append('\n').append(heading).append(" (").append(selected.size()).append(")\n");
    out.append(selected.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))).append('\n');
  }
}
