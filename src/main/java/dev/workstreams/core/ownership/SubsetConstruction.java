package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an {@link Nfa} into a {@link Dfa}, giving up past a number of states.
 *
 * <p>Determinizing can take exponentially many states ({@code **}{@code /a/?/?/?/?/?/?/?/?/?/?/?/?} is a short glob
 * whose automaton is not small), and plans are written by people we do not control, so every caller names a budget
 * and gets nothing back when it would be exceeded, instead of a server out of memory.
 */
final class SubsetConstruction {

  private final Nfa nfa;
  private final char[] classStarts;
  private final int[] firstClass;
  private final int[] lastClass;
  private final Interner states = new Interner();

  private SubsetConstruction(Nfa nfa) {
    this.nfa = nfa;
    this.classStarts = nfa.classStarts();
    int transitions = nfa.transitionCount();
    this.firstClass = new int[transitions];
    this.lastClass = new int[transitions];
    for (int t = 0; t < transitions; t++) {
      firstClass[t] = classOf(nfa.min(t));
      lastClass[t] = classOf(nfa.max(t));
    }
  }

  static Optional<Dfa> determinize(Nfa nfa, int maxStates) {
    return new SubsetConstruction(nfa).run(maxStates);
  }

  private Optional<Dfa> run(int maxStates) {
    int classes = classStarts.length;
    states.intern(new int[0]);
    int[] initial = nfa.initialStates();
    Arrays.sort(initial);
    int start = states.intern(initial);
    Buckets buckets = new Buckets(classes);
    int[] table = new int[classes * 16];
    for (int current = 0; current < states.size(); current++) {
      if (table.length < (current + 1) * classes) {
        table = Arrays.copyOf(table, Math.max(table.length * 2, (current + 1) * classes));
      }
      buckets.clear();
      for (int member : states.get(current)) {
        for (int t = nfa.firstTransition(member); t < nfa.firstTransition(member + 1); t++) {
          for (int cls = firstClass[t]; cls <= lastClass[t]; cls++) {
            buckets.add(cls, nfa.target(t));
          }
        }
      }
      int next = Dfa.DEAD;
      for (int cls = 0; cls < classes; cls++) {
        // Neighbouring classes mostly lead to the same set (every character a wildcard matches): reuse its number.
        if (buckets.isEmpty(cls)) {
          next = Dfa.DEAD;
        } else if (cls == 0 || !buckets.sameAsPrevious(cls)) {
          next = states.intern(buckets.sortedDistinct(cls));
          if (states.size() > maxStates) {
            return Optional.empty();
          }
        }
        table[current * classes + cls] = next;
      }
    }
    return Optional.of(dfa(Arrays.copyOf(table, states.size() * classes), start));
  }

  private Dfa dfa(int[] table, int start) {
    int[] acceptSetOfState = new int[states.size()];
    Interner acceptSets = new Interner();
    acceptSets.intern(new int[0]);
    for (int state = 0; state < states.size(); state++) {
      acceptSetOfState[state] = acceptSets.intern(tags(states.get(state)));
    }
    int[][] sets = new int[acceptSets.size()][];
    for (int id = 0; id < sets.length; id++) {
      sets[id] = acceptSets.get(id);
    }
    return new Dfa(classStarts, table, start, acceptSetOfState, sets);
  }

  private int[] tags(int[] members) {
    int[] tags = new int[members.length];
    int count = 0;
    for (int member : members) {
      int tag = nfa.acceptTag(member);
      if (tag != Nfa.NOT_ACCEPTING) {
        tags[count++] = tag;
      }
    }
    Arrays.sort(tags, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || tags[distinct - 1] != tags[i]) {
        tags[distinct++] = tags[i];
      }
    }
    return Arrays.copyOf(tags, distinct);
  }

  private int classOf(char c) {
    int found = Arrays.binarySearch(classStarts, c);
    return found >= 0 ? found : -found - 2;
  }

  /** Numbers distinct sorted int arrays in the order they are first seen. */
  private static final class Interner {
    private final Map<IntArrayKey, Integer> ids = new HashMap<>();
    private final List<int[]> values = new ArrayList<>();

    int intern(int[] value) {
      return ids.computeIfAbsent(new IntArrayKey(value), key -> {
        values.add(value);
        return values.size() - 1;
      });
    }

    int size() {
      return values.size();
    }

    int[] get(int id) {
      return values.get(id);
    }
  }

  /** The states reached on each character class from the members of one state set, reused from set to set. */
  private static final class Buckets {
    private final int[][] contents;
    private final int[] sizes;

    Buckets(int classes) {
      contents = new int[classes][4];
      sizes = new int[classes];
    }

    void clear() {
      Arrays.fill(sizes, 0);
    }

    void add(int cls, int state) {
      if (sizes[cls] == contents[cls].length) {
        contents[cls] = Arrays.copyOf(contents[cls], sizes[cls] * 2);
      }
      contents[cls][sizes[cls]++] = state;
    }

    boolean isEmpty(int cls) {
      return sizes[cls] == 0;
    }

    /** Whether a class received exactly what the class before it did, in the same order. */
    boolean sameAsPrevious(int cls) {
      return sizes[cls] == sizes[cls - 1]
          && Arrays.equals(contents[cls], 0, sizes[cls], contents[cls - 1], 0, sizes[cls]);
    }

    int[] sortedDistinct(int cls) {
      int[] sorted = Arrays.copyOf(contents[cls], sizes[cls]);
      Arrays.sort(sorted);
      int distinct = 0;
      for (int state : sorted) {
        if (distinct == 0 || sorted[distinct - 1] != state) {
          sorted[distinct++] = state;
        }
      }
      return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }
  }
}
