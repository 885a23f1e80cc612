package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers, for the changed files of a push, which ones a task may not touch. Compiled once per plan and shared list,
 * then asked on every push of every pull request: each path is read once, whatever the number of globs.
 */
public final class OwnershipMatcher {

  private final PlanGlobs plan;
  private final PlanAutomaton automaton;

  private OwnershipMatcher(PlanGlobs plan, PlanAutomaton automaton) {
    this.plan = plan;
    this.automaton = automaton;
  }

  /**
   * @param tasks each task's globs, in plan order
   * @param shared globs of paths any task may touch (a plain path is a glob that matches itself)
   * @throws IllegalArgumentException when a pattern is not a valid glob (see {@link Glob#problem})
   */
  public static OwnershipMatcher compile(List<OwnedGlobs> tasks, List<String> shared) {
    PlanGlobs plan = PlanGlobs.compile(tasks, shared);
    return new OwnershipMatcher(plan, PlanAutomaton.build(plan));
  }

  /**
   * The changed paths that match none of the task's globs and are not shared, in the order given, each once.
   *
   * @throws IllegalArgumentException when the plan has no task with that id
   */
  public List<Violation> violations(String taskId, Collection<String> changedPaths) {
    int task = plan.taskIndex(taskId)
        .orElseThrow(() -> new IllegalArgumentException("no task '" + taskId + "' in this plan"));
    List<Violation> violations = new ArrayList<>();
    for (String path : new LinkedHashSet<>(changedPaths)) {
      PathClaims claims = automaton.claims(path);
      if (!claims.ownedBy(task) && !claims.shared()) {
        violations.add(new Violation(path, owner(claims)));
      }
    }
    return List.copyOf(violations);
  }

  /** The first task, in plan order, that owns the path. */
  public Optional<String> ownerOf(String path) {
    return owner(automaton.claims(path));
  }

  public boolean isShared(String path) {
    return automaton.claims(path).shared();
  }

  private Optional<String> owner(PathClaims claims) {
    return claims.firstOwner().stream().mapToObj(plan::taskId).findFirst();
  }
}
