package dev.workstreams.core.plan;

import dev.workstreams.core.ownership.Glob;
import dev.workstreams.core.ownership.OverlapAnalysis;
import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Overlap;
import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.TaskNode;
import dev.workstreams.core.text.InertText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that relate tasks to each other: ids, dependencies, cycles and ownership overlap. */
final class PlanValidator {

  /** Overlaps named in a report; past them the analysis stops, since each one is a search. */
  static final int LISTED_OVERLAPS = 20;

  private final List<PlanProblem> problems;

  PlanValidator(List<PlanProblem> problems) {
    this.problems = problems;
  }

  void validate(Plan plan, List<String> shared) {
    Set<String> ids = duplicateIds(plan.tasks());
    dependencies(plan.tasks(), ids);
    cycles(plan);
    List<OwnedGlobs> owned = validGlobs(plan.tasks());
    overlaps(plan, owned, shared);
  }

  private Set<String> duplicateIds(List<Task> tasks) {
    Map<String, Task> first = new HashMap<>();
    for (Task task : tasks) {
      Task earlier = first.putIfAbsent(task.id(), task);
      if (earlier != null) {
        problems.add(
            PlanProblem.error(
                task.line(),
                "task id `" + task.id() + "` is used twice (first on line " + earlier.line() + "); ids must be unique"));
      }
    }
    return first.keySet();
  }

  private void dependencies(List<Task> tasks, Set<String> ids) {
    for (Task task : tasks) {
      Set<String> seen = new HashSet<>();
      for (String dep : task.dependsOn()) {
        if (!seen.add(dep)) {
          continue;
        }
        if (dep.equals(task.id())) {
          problems.add(PlanProblem.error(task.line(), "task `" + task.id() + "` depends on itself"));
        } else if (!ids.contains(dep)) {
          String hint = Suggestions.closest(dep, ids).map(s -> " (did you mean `" + s + "`?)").orElse("");
          problems.add(
              PlanProblem.error(
                  task.line(), "task `" + task.id() + "` depends on " + InertText.code(dep) + ", which is not a task of this plan" + hint));
        }
      }
    }
  }

  private void cycles(Plan plan) {
    List<TaskNode> nodes = plan.tasks().stream().map(t -> new TaskNode(t.id(), t.dependsOn())).toList();
    for (List<String> cycle : new DependencyGraph(nodes).cycles()) {
      int line = plan.task(cycle.get(0)).map(Task::line).orElse(0);
      problems.add(
          PlanProblem.error(
              line,
              "dependency cycle: " + String.join(" → ", cycle) + " (no task in a cycle can ever start)"));
    }
  }

  private List<OwnedGlobs> validGlobs(List<Task> tasks) {
    List<OwnedGlobs> owned = new ArrayList<>();
    for (Task task : tasks) {
      List<String> valid = new ArrayList<>();
      for (String glob : task.owns().subList(0, Math.min(PlanReader.MAX_GLOBS_PER_TASK, task.owns().size()))) {
        Glob.problem(glob)
            .ifPresentOrElse(
                p -> problems.add(
                    PlanProblem.error(task.line(), "task `" + task.id() + "`: " + InertText.unmentioned(p.message()))),
                () -> valid.add(glob));
      }
      owned.add(new OwnedGlobs(task.id(), valid));
    }
    return owned;
  }

  private void overlaps(Plan plan, List<OwnedGlobs> owned, List<String> shared) {
    // Two tasks with the same id are reported as a duplicate id, not as an overlap with themselves.
    List<Overlap> found = OverlapAnalysis.find(owned, shared, LISTED_OVERLAPS + 1).stream()
        .filter(o -> !o.taskA().equals(o.taskB()))
        .toList();
    for (Overlap o : found.subList(0, Math.min(LISTED_OVERLAPS, found.size()))) {
      int line = plan.task(o.taskB()).map(Task::line).orElse(0);
      problems.add(
          PlanProblem.error(
              line,
              "tasks `" + o.taskA() + "` and `" + o.taskB() + "` can both own " + InertText.code(o.examplePath()) + ": "
                  + InertText.code(o.globA()) + " (" + o.taskA() + ") and " + InertText.code(o.globB()) + " (" + o.taskB()
                  + ") overlap; narrow one of them, or list the path under `shared` in .github/workstreams.yml"));
    }
    if (found.size() > LISTED_OVERLAPS) {
      Overlap next = found.get(LISTED_OVERLAPS);
      problems.add(
          PlanProblem.error(
              plan.task(next.taskB()).map(Task::line).orElse(0),
              "… and more overlapping tasks: only the first " + LISTED_OVERLAPS
                  + " overlaps are listed; the plan is checked again once they are fixed"));
    }
  }
}
