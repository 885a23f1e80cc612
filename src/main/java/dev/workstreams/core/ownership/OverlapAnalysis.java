package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tasks of a plan that could own the same path, each shown with a path both would own.
 *
 * <p>The answer comes from the globs' languages, not from the files that happen to exist: {@code src/**}{@code /api/**}
 * and {@code src/auth/**} overlap on {@code src/auth/api/a} even in an empty repository.
 */
public final class OverlapAnalysis {

  // The shared list of a repository config is short; past this its globs are checked one by one.
  private static final int SHARED_MAX_STATES = 20_000;

  private OverlapAnalysis() {}

  /**
   * Every pair of globs of two different tasks (the first task listed first) that can match a common path outside
   * {@code shared}, at most once per pair, with the shortest such path (readable characters preferred).
   *
   * @param tasks each task's globs, in plan order
   * @param shared globs of paths any task may touch (a plain path is a glob that matches itself)
   * @throws IllegalArgumentException when a pattern is not a valid glob (see {@link Glob#problem})
   */
  public static List<Overlap> find(List<OwnedGlobs> tasks, List<String> shared) {
    PlanGlobs plan = PlanGlobs.compile(tasks, shared);
    List<Dfa> exempt = exemptions(plan.shared());
    List<Overlap> overlaps = new ArrayList<>();
    for (int a = 0; a < plan.taskCount(); a++) {
      for (int b = a + 1; b < plan.taskCount(); b++) {
        for (Glob globA : plan.globsOf(a)) {
          for (Glob globB : plan.globsOf(b)) {
            Optional<String> example = example(globA, globB, exempt);
            if (example.isPresent()) {
              overlaps.add(
                  new Overlap(plan.taskId(a), globA.pattern(), plan.taskId(b), globB.pattern(), example.get()));
            }
          }
        }
      }
    }
    return List.copyOf(overlaps);
  }

  private static Optional<String> example(Glob a, Glob b, List<Dfa> exempt) {
    // Most pairs of a plan differ in their fixed prefix or suffix; that check is far cheaper than any search.
    if (!a.mayOverlap(b)) {
      return Optional.empty();
    }
    return ExampleSearch.find(List.of(a.automaton(), b.automaton()), exempt);
  }

  /** The automata an example path must not be accepted by: one for all shared globs when that stays small. */
  private static List<Dfa> exemptions(List<Glob> shared) {
    List<Dfa> automata = shared.stream().map(Glob::automaton).toList();
    if (automata.size() < 2) {
      return automata;
    }
    return SubsetConstruction.determinize(Nfa.union(automata), SHARED_MAX_STATES).map(List::of).orElse(automata);
  }
}
