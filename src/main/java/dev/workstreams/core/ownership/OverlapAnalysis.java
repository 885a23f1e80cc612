package dev.workstreams.core.ownership;

import dev.workstreams.core.ownership.OverlapCandidates.Candidate;
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
    return find(tasks, shared, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} overlaps of {@link #find(List, List)}, in the same order; the search stops there, so a plan
   * in which every task owns everything costs {@code limit} searches, not one per pair of globs.
   */
  public static List<Overlap> find(List<OwnedGlobs> tasks, List<String> shared, int limit) {
    PlanGlobs plan = PlanGlobs.compile(tasks, shared);
    List<Dfa> exempt = exemptions(plan.shared());
    List<Overlap> overlaps = new ArrayList<>();
    for (Candidate candidate : OverlapCandidates.of(plan)) {
      if (overlaps.size() >= limit) {
        break;
      }
      overlap(plan, candidate, exempt).ifPresent(overlaps::add);
    }
    return List.copyOf(overlaps);
  }

  private static Optional<Overlap> overlap(PlanGlobs plan, Candidate candidate, List<Dfa> exempt) {
    Glob globA = plan.globsOf(candidate.taskA()).get(candidate.globA());
    Glob globB = plan.globsOf(candidate.taskB()).get(candidate.globB());
    String taskA = plan.taskId(candidate.taskA());
    String taskB = plan.taskId(candidate.taskB());
    return ExampleSearch.find(List.of(globA.automaton(), globB.automaton()), exempt)
        .map(example -> new Overlap(taskA, globA.pattern(), taskB, globB.pattern(), example));
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
