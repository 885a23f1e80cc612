package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pairs of globs of two different tasks that {@link LiteralBounds} cannot tell apart: the only ones worth
 * searching for a common path.
 *
 * <p>A 50-task plan has over 100,000 pairs of globs, and comparing each one's fixed text would cost more than all the
 * rest of the analysis. Two globs can only overlap when one's fixed prefix starts the other's, so each glob looks up
 * the prefixes of its own prefix in an index, and only those pairs are compared.
 */
final class OverlapCandidates {

  /** Glob {@code globA} of task {@code taskA} and glob {@code globB} of the later task {@code taskB}, by index. */
  record Candidate(int taskA, int globA, int taskB, int globB) {}

  private record Owned(int task, int glob, LiteralBounds bounds) {}

  private static final Comparator<Candidate> PLAN_ORDER = Comparator.comparingInt(Candidate::taskA)
      .thenComparingInt(Candidate::taskB)
      .thenComparingInt(Candidate::globA)
      .thenComparingInt(Candidate::globB);

  private OverlapCandidates() {}

  /** In plan order: by first task, second task, then each one's glob. */
  static List<Candidate> of(PlanGlobs plan) {
    Map<String, List<Owned>> byPrefix = new HashMap<>();
    List<Owned> all = new ArrayList<>();
    for (int task = 0; task < plan.taskCount(); task++) {
      List<Glob> globs = plan.globsOf(task);
      for (int glob = 0; glob < globs.size(); glob++) {
        for (LiteralBounds bounds : globs.get(glob).bounds()) {
          Owned owned = new Owned(task, glob, bounds);
          all.add(owned);
          byPrefix.computeIfAbsent(bounds.prefix(), prefix -> new ArrayList<>()).add(owned);
        }
      }
    }
    TreeSet<Candidate> candidates = new TreeSet<>(PLAN_ORDER);
    for (Owned owned : all) {
      String prefix = owned.bounds().prefix();
      for (int length = 0; length <= prefix.length(); length++) {
        for (Owned shorter : byPrefix.getOrDefault(prefix.substring(0, length), List.of())) {
          if (shorter.task() != owned.task() && shorter.bounds().compatibleWith(owned.bounds())) {
            candidates.add(shorter.task() < owned.task()
                ? new Candidate(shorter.task(), shorter.glob(), owned.task(), owned.glob())
                : new Candidate(owned.task(), owned.glob(), shorter.task(), shorter.glob()));
          }
        }
      }
    }
    return List.copyOf(candidates);
  }
}
