package dev.workstreams.core.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conflict radar's decisions: which merges to try for a plan's open workstreams, and what the
 * merges say about each one. Every open workstream is merged with every other and with the base,
 * so that each pull request's comment is whole whichever branch was pushed; a merge already done
 * for the same two commits is not done again (the adapter remembers merges by commit pair).
 */
public final class Radar {

  private Radar() {}

  /** Each pair of open workstreams once, and each one with the base; a pair of the same commit is never tried. */
  public static List<CommitPair> pairs(List<Tip> open, String baseSha) {
    Set<CommitPair> pairs = new LinkedHashSet<>();
    List<Tip> sorted = sorted(open);
    for (int i = 0; i < sorted.size(); i++) {
      Tip a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        Tip b = sorted.get(j);
        if (!a.sha().equals(b.sha())) {
          pairs.add(CommitPair.of(a.sha(), b.sha()));
        }
      }
      if (!a.sha().equals(baseSha)) {
        pairs.add(CommitPair.of(a.sha(), baseSha));
      }
    }
    return new ArrayList<>(pairs);
  }

  /**
   * The conflicts of {@code self} from the merges' answers ({@code conflicts}: conflicting paths per
   * pair, empty when it merged cleanly; a pair missing from it was not tried and counts as clean).
   * Other workstreams first, in merge order, then the base.
   */
  public static List<Conflict> conflictsOf(Tip self, List<Tip> open, String baseSha,
      Map<CommitPair, List<String>> conflicts) {
    List<Conflict> found = new ArrayList<>();
    for (Tip other : sorted(open)) {
      if (other.taskId().equals(self.taskId()) || other.sha().equals(self.sha())) {
        continue;
      }
      List<String> paths = conflicts.getOrDefault(CommitPair.of(self.sha(), other.sha()), List.of());
      if (!paths.isEmpty()) {
        found.add(new Conflict(Optional.of(other), self.sha(), other.sha(), paths));
      }
    }
    List<String> withBase = self.sha().equals(baseSha)
        ? List.of() : conflicts.getOrDefault(CommitPair.of(self.sha(), baseSha), List.of());
    if (!withBase.isEmpty()) {
      found.add(new Conflict(Optional.empty(), self.sha(), baseSha, withBase));
    }
    return found;
  }

  /** Every conflicting pair of workstreams once (the first in merge order on the left), then those with the base. */
  public static List<PairConflict> pairsInConflict(List<Tip> open, String baseSha, Map<CommitPair, List<String>> conflicts) {
    List<PairConflict> pairs = new ArrayList<>();
    List<PairConflict> withBase = new ArrayList<>();
    List<Tip> sorted = sorted(open);
    for (int i = 0; i < sorted.size(); i++) {
      Tip a = sorted.get(i);
      for (Conflict c : conflictsOf(a, sorted, baseSha, conflicts)) {
        if (c.withBase()) {
          withBase.add(new PairConflict(a, Optional.empty(), c.paths()));
        } else if (sorted.indexOf(c.other().get()) > i) {
          pairs.add(new PairConflict(a, c.other(), c.paths()));
        }
      }
    }
    pairs.addAll(withBase);
    return pairs;
  }

  /** Merge order, then task id: the order the preview merges in and the comments list. */
  public static List<Tip> sorted(List<Tip> tips) {
    List<Tip> sorted = new ArrayList<>(tips);
    sorted.sort(Comparator.comparingInt(Tip::mergeOrder).thenComparing(Tip::taskId));
    return sorted;
  }

  /** A conflicting pair as the tracking comment lists it; {@code right} empty: the base. */
  public record PairConflict(Tip left, Optional<Tip> right, List<String> paths) {
    public PairConflict {
      paths = List.copyOf(paths);
    }
  }
}
