package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A nondeterministic automaton in flat arrays: what {@link SubsetConstruction} reads.
 *
 * <p>Accepting states carry a tag, the index of the part they come from when several automata are determinized
 * together, so that the deterministic result still tells which of them accepts a path.
 */
final class Nfa {

  static final int NOT_ACCEPTING = -1;

  private final int[] initialStates;
  private final int[] acceptTags;
  // The transitions of state s are those from firstTransition[s] up to firstTransition[s + 1].
  private final int[] firstTransition;
  private final char[] minima;
  private final char[] maxima;
  private final int[] targets;

  private Nfa(int[] initialStates, int[] acceptTags, int[] firstTransition, char[] minima, char[] maxima,
      int[] targets) {
    this.initialStates = initialStates;
    this.acceptTags = acceptTags;
    this.firstTransition = firstTransition;
    this.minima = minima;
    this.maxima = maxima;
    this.targets = targets;
  }

  /** Several deterministic automata side by side; the states of part i accept with tag i. */
  static Nfa union(List<Dfa> parts) {
    Builder builder = new Builder();
    int[] initialStates = new int[parts.size()];
    for (int part = 0; part < parts.size(); part++) {
      Dfa dfa = parts.get(part);
      int offset = builder.stateCount();
      for (int state = 0; state < dfa.stateCount(); state++) {
        builder.addState(dfa.accepts(state) ? part : NOT_ACCEPTING);
      }
      for (int state = 0; state < dfa.stateCount(); state++) {
        int cls = 0;
        while (cls < dfa.classCount()) {
          int target = dfa.target(state, cls);
          int last = cls;
          while (last + 1 < dfa.classCount() && dfa.target(state, last + 1) == target) {
            last++;
          }
          if (target != Dfa.DEAD) {
            builder.addTransition(offset + state, dfa.classStart(cls), dfa.classEnd(last), offset + target);
          }
          cls = last + 1;
        }
      }
      initialStates[part] = offset + dfa.start();
    }
    return builder.build(initialStates);
  }

  int stateCount() {
    return acceptTags.length;
  }

  int[] initialStates() {
    return initialStates.clone();
  }

  int acceptTag(int state) {
    return acceptTags[state];
  }

  /** Every character at which some transition starts or stops applying: between two of them, all characters agree. */
  char[] classStarts() {
    char[] bounds = new char[2 * minima.length + 1];
    int count = 0;
    bounds[count++] = Character.MIN_VALUE;
    for (int i = 0; i < minima.length; i++) {
      bounds[count++] = minima[i];
      if (maxima[i] != Character.MAX_VALUE) {
        bounds[count++] = (char) (maxima[i] + 1);
      }
    }
    char[] sorted = Arrays.copyOf(bounds, count);
    Arrays.sort(sorted);
    int distinct = 0;
    for (char bound : sorted) {
      if (distinct == 0 || sorted[distinct - 1] != bound) {
        sorted[distinct++] = bound;
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  int transitionCount() {
    return targets.length;
  }

  /** The transitions of a state are numbered from here up to {@code firstTransition(state + 1)}. */
  int firstTransition(int state) {
    return firstTransition[state];
  }

  char min(int transition) {
    return minima[transition];
  }

  char max(int transition) {
    return maxima[transition];
  }

  int target(int transition) {
    return targets[transition];
  }

  /** Collects states and transitions, in any order, and lays them out in arrays. */
  static final class Builder {
    private final List<Integer> tags = new ArrayList<>();
    private final List<List<int[]>> transitions = new ArrayList<>();

    int stateCount() {
      return tags.size();
    }

    int addState(int tag) {
      tags.add(tag);
      transitions.add(new ArrayList<>());
      return tags.size() - 1;
    }

    void addTransition(int from, char min, char max, int to) {
      transitions.get(from).add(new int[] {min, max, to});
    }

    Nfa build(int[] initialStates) {
      int total = transitions.stream().mapToInt(List::size).sum();
      int[] first = new int[tags.size() + 1];
      char[] minima = new char[total];
      char[] maxima = new char[total];
      int[] targets = new int[total];
      int next = 0;
      for (int state = 0; state < tags.size(); state++) {
        first[state] = next;
        for (int[] transition : transitions.get(state)) {
          minima[next] = (char) transition[0];
          maxima[next] = (char) transition[1];
          targets[next] = transition[2];
          next++;
        }
      }
      first[tags.size()] = next;
      int[] acceptTags = tags.stream().mapToInt(Integer::intValue).toArray();
      return new Nfa(initialStates, acceptTags, first, minima, maxima, targets);
    }
  }
}
