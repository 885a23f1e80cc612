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

  static final int LARGEST_BUDGET = Character.MAX_VALUE;

  /**
   * @param maxStates at most {@link #LARGEST_BUDGET}, so that state numbers fit the {@link Dfa}'s table
   */
  static Optional<Dfa> determinize(Nfa nfa, int maxStates) {
    if (maxStates > LARGEST_BUDGET) {
      throw new IllegalArgumentException("a budget of " + maxStates + " states is over " + LARGEST_BUDGET);
    }
    return new SubsetConstruction(nfa).run(maxStates);
  }

  private Optional<Dfa> run(int maxStates) {
    int classes = classStarts.length;
    states.intern(new int[0]);
    int[] initial = nfa.initialStates();
    Arrays.sort(initial);
    int start = states.intern(initial);
    ActiveTargets active = new ActiveTargets(nfa.stateCount());
    long[] events = new long[16];
    char[] table = new char[classes * 16];
    for (int current = 0; current < states.size(); current++) {
      if (table.length < (current + 1) * classes) {
        table = Arrays.copyOf(table, Math.max(table.length * 2, (current + 1) * classes));
      }
      // Each transition of a member applies over a run of classes: sweep the classes once, and only where a run
      // starts or ends does the set of targets change and need a state number.
      int eventCount = 0;
      for (int member : states.get(current)) {
        for (int t = nfa.firstTransition(member); t < nfa.firstTransition(member + 1); t++) {
          if (events.length < eventCount + 2) {
            events = Arrays.copyOf(events, events.length * 2);
          }
          events[eventCount++] = event(firstClass[t], t, false);
          if (lastClass[t] + 1 < classes) {
            events[eventCount++] = event(lastClass[t] + 1, t, true);
          }
        }
      }
      Arrays.sort(events, 0, eventCount);
      int next = Dfa.DEAD;
      int e = 0;
      for (int cls = 0; cls < classes; cls++) {
        if (e < eventCount && (int) (events[e] >>> 32) == cls) {
          for (; e < eventCount && (int) (events[e] >>> 32) == cls; e++) {
            int transition = (int) events[e] >>> 1;
            if ((events[e] & 1) == 0) {
              active.add(nfa.target(transition));
            } else {
              active.remove(nfa.target(transition));
            }
          }
          next = active.isEmpty() ? Dfa.DEAD : states.intern(active.sortedStates());
          if (states.size() > maxStates) {
            return Optional.empty();
          }
        }
        table[current * classes + cls] = (char) next;
      }
      active.clear();
    }
    return Optional.of(dfa(Arrays.copyOf(table, states.size() * classes), start));
  }

  /** Sorts by class; within a class the order does not matter, as all of a class's events apply together. */
  private static long event(int cls, int transition, boolean ends) {
    return ((long) cls << 32) | ((long) transition << 1) | (ends ? 1 : 0);
  }

  private Dfa dfa(char[] table, int start) {
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

  /** The targets of the transitions that apply at the current class, counted so that overlapping runs can end. */
  private static final class ActiveTargets {
    private final int[] counts;
    private final boolean[] listed;
    private final int[] listedStates;
    private int listedCount;

    ActiveTargets(int stateCount) {
      counts = new int[stateCount];
      listed = new boolean[stateCount];
      listedStates = new int[stateCount];
    }

    void add(int state) {
      counts[state]++;
      if (!listed[state]) {
        listed[state] = true;
        listedStates[listedCount++] = state;
      }
    }

    void remove(int state) {
      counts[state]--;
    }

    boolean isEmpty() {
      for (int i = 0; i < listedCount; i++) {
        if (counts[listedStates[i]] > 0) {
          return false;
        }
      }
      return true;
    }

    int[] sortedStates() {
      int kept = 0;
      for (int i = 0; i < listedCount; i++) {
        int state = listedStates[i];
        if (counts[state] > 0) {
          listedStates[kept++] = state;
        } else {
          listed[state] = false;
        }
      }
      listedCount = kept;
      int[] sorted = Arrays.copyOf(listedStates, kept);
      Arrays.sort(sorted);
      return sorted;
    }

    void clear() {
      for (int i = 0; i < listedCount; i++) {
        counts[listedStates[i]] = 0;
        listed[listedStates[i]] = false;
      }
      listedCount = 0;
    }
  }
}
