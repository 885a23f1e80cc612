package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Violation;
import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code OwnershipMatcher} done with dk.brics: each task's globs compiled into one deterministic automaton (the union of
 * the globs', determinized by {@link RunAutomaton}; minimizing it too costs more and matches no faster), and one more
 * for the shared paths. A changed path is read once per automaton it is tried on: its own task's and the shared one,
 * then, for a path outside the task, the other tasks' in plan order until one owns it.
 */
final class BricsMatcherBaseline {

  private final List<String> taskIds;
  private final RunAutomaton[] byTask;
  private final RunAutomaton shared;

  private BricsMatcherBaseline(List<String> taskIds, RunAutomaton[] byTask, RunAutomaton shared) {
    this.taskIds = taskIds;
    this.byTask = byTask;
    this.shared = shared;
  }

  static BricsMatcherBaseline compile(List<OwnedGlobs> tasks, List<String> shared, boolean tableize) {
    RunAutomaton[] byTask = new RunAutomaton[tasks.size()];
    for (int task = 0; task < tasks.size(); task++) {
      byTask[task] = new RunAutomaton(BricsGlobs.unionOfGlobs(tasks.get(task).globs()), tableize);
    }
    return new BricsMatcherBaseline(
        tasks.stream().map(OwnedGlobs::taskId).toList(),
        byTask,
        new RunAutomaton(BricsGlobs.unionOfGlobs(shared), tableize));
  }

  /** The same answer as {@code OwnershipMatcher.violations}. */
  List<Violation> violations(String taskId, Collection<String> changedPaths) {
    int own = taskIds.indexOf(taskId);
    if (own < 0) {
      throw new IllegalArgumentException("no task '" + taskId + "'");
    }
    RunAutomaton ownAutomaton = byTask[own];
    List<Violation> violations = new ArrayList<>();
    for (String path : new LinkedHashSet<>(changedPaths)) {
      if (!ownAutomaton.run(path) && !shared.run(path)) {
        Optional<String> owner = Optional.empty();
        for (int task = 0; task < byTask.length; task++) {
          if (task != own && byTask[task].run(path)) {
            owner = Optional.of(taskIds.get(task));
            break;
          }
        }
        violations.add(new Violation(path, owner));
      }
    }
    return List.copyOf(violations);
  }
}
