package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Overlap;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicOperations;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OverlapAnalysis.find} done with dk.brics, from the glob texts each time as the app does: every glob compiled
 * to an automaton, each task's globs united into one, and for every pair of tasks the intersection of the two minus
 * the shared paths; only the pairs of tasks that can own a common path are drilled down to their pairs of globs, each
 * shown with {@code getShortestExample(true)}.
 *
 * <p>As in the app, only real paths count (no empty, "." or ".." segment), so the pairs found are the app's. The
 * examples are as short as the app's but spelled differently: brics takes each transition's lowest character, often
 * U+0000 for a wildcard, where the app's example search picks readable ones.
 */
final class BricsOverlapBaseline {

  private BricsOverlapBaseline() {}

  static List<Overlap> find(List<OwnedGlobs> tasks, List<String> shared) {
    List<List<Automaton>> globs = new ArrayList<>();
    List<Automaton> unions = new ArrayList<>();
    for (OwnedGlobs task : tasks) {
      List<Automaton> automata = task.globs().stream().map(BricsGlobs::automaton).toList();
      globs.add(automata);
      unions.add(BricsGlobs.union(automata));
    }
    Automaton allowed = BasicOperations.minus(BricsGlobs.REAL_PATHS, BricsGlobs.unionOfGlobs(shared));
    List<Overlap> overlaps = new ArrayList<>();
    for (int a = 0; a < tasks.size(); a++) {
      for (int b = a + 1; b < tasks.size(); b++) {
        if (common(unions.get(a), unions.get(b), allowed).isEmpty()) {
          continue;
        }
        for (int globA = 0; globA < globs.get(a).size(); globA++) {
          for (int globB = 0; globB < globs.get(b).size(); globB++) {
            Automaton both = common(globs.get(a).get(globA), globs.get(b).get(globB), allowed);
            if (!both.isEmpty()) {
              overlaps.add(new Overlap(
                  tasks.get(a).taskId(), tasks.get(a).globs().get(globA),
                  tasks.get(b).taskId(), tasks.get(b).globs().get(globB),
                  both.getShortestExample(true)));
            }
          }
        }
      }
    }
    return List.copyOf(overlaps);
  }

  /** The paths both automata accept that are allowed; intersection leaves no dead states, so isEmpty is exact. */
  private static Automaton common(Automaton a, Automaton b, Automaton allowed) {
    Automaton both = BasicOperations.intersection(a, b);
    return both.isEmpty() ? both : BasicOperations.intersection(both, allowed);
  }
}
