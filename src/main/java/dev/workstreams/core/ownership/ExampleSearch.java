package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Finds one repository path that some automata all accept and others all reject, short and easy to read: the example
 * an overlap is shown with.
 *
 * <p>It explores the product of the automata lazily, one tuple of states at a time, cheapest first, and stops at the
 * first tuple that accepts, so it never builds an intersection or a complement. Only real paths count: no empty,
 * {@code .} or {@code ..} segment and no trailing {@code /}. Each character stands for a class of characters that all
 * the automata treat alike, and the most readable of the class is used, so a wildcard shows as {@code a} rather than
 * as U+0000. A segment that starts with {@code .} costs extra, so that {@code a.json} is preferred to {@code .json}
 * while {@code .github/a} is still found.
 */
final class ExampleSearch {

  // The product of two globs of a real plan has tens of reachable states; this bounds the work on hostile ones.
  static final int MAX_STATES = 200_000;

  private static final int HIDDEN_SEGMENT_PENALTY = 2;

  // Where the path being built stands, kept as the last entry of each tuple: only NAME may end a path or a segment.
  private static final int SEGMENT_START = 0;
  private static final int DOT = 1;
  private static final int DOT_DOT = 2;
  private static final int NAME = 3;
  private static final String PREFERRED = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.";
  private static final char FIRST_PRINTABLE = '!';
  private static final char LAST_PRINTABLE = '~';

  private final List<Dfa> automata;
  private final int required;
  private final char[] alphabet;
  private final Map<IntArrayKey, Integer> ids = new HashMap<>();
  private final List<int[]> tuples = new ArrayList<>();
  private final List<Integer> parents = new ArrayList<>();
  private final StringBuilder chars = new StringBuilder();
  private final List<Integer> costs = new ArrayList<>();
  private final PriorityQueue<Long> queue = new PriorityQueue<>();

  private ExampleSearch(List<Dfa> accepting, List<Dfa> rejecting) {
    this.automata = new ArrayList<>(accepting);
    this.automata.addAll(rejecting);
    this.required = accepting.size();
    this.alphabet = readableAlphabet(automata);
  }

  /**
   * The cheapest path every {@code accepting} automaton accepts and no {@code rejecting} one does; empty when there is
   * none, or when finding out would take more than {@link #MAX_STATES} states.
   */
  static Optional<String> find(List<Dfa> accepting, List<Dfa> rejecting) {
    return new ExampleSearch(accepting, rejecting).run();
  }

  private Optional<String> run() {
    int size = automata.size();
    int[] start = new int[size + 1];
    for (int i = 0; i < size; i++) {
      start[i] = automata.get(i).start();
      if (i < required && start[i] == Dfa.DEAD) {
        return Optional.empty();
      }
    }
    start[size] = SEGMENT_START;
    add(start, -1, '\0', 0);
    while (!queue.isEmpty()) {
      long entry = queue.poll();
      int cost = (int) (entry >>> 32);
      int id = (int) entry;
      if (cost > costs.get(id)) {
        continue;
      }
      int[] tuple = tuples.get(id);
      if (isGoal(tuple)) {
        return Optional.of(pathTo(id));
      }
      if (!expand(id, tuple, cost)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private boolean expand(int id, int[] tuple, int cost) {
    int size = automata.size();
    int shape = tuple[size];
    for (char c : alphabet) {
      if (c == '/' && shape != NAME) {
        continue;
      }
      int[] next = step(tuple, c);
      if (next.length == 0) {
        continue;
      }
      next[size] = nextShape(shape, c);
      int nextCost = cost + 1 + (shape == SEGMENT_START && c == '.' ? HIDDEN_SEGMENT_PENALTY : 0);
      Integer known = ids.get(new IntArrayKey(next));
      if (known == null) {
        if (tuples.size() >= MAX_STATES) {
          return false;
        }
        add(next, id, c, nextCost);
      } else if (nextCost < costs.get(known)) {
        parents.set(known, id);
        chars.setCharAt(known, c);
        costs.set(known, nextCost);
        queue.add(((long) nextCost << 32) | known);
      }
    }
    return true;
  }

  /** The tuple after one character, or an empty array when a required automaton can no longer accept. */
  private int[] step(int[] tuple, char c) {
    int[] next = new int[tuple.length];
    for (int i = 0; i < automata.size(); i++) {
      next[i] = automata.get(i).step(tuple[i], c);
      if (i < required && next[i] == Dfa.DEAD) {
        return new int[0];
      }
    }
    return next;
  }

  private void add(int[] tuple, int parent, char c, int cost) {
    int id = tuples.size();
    ids.put(new IntArrayKey(tuple), id);
    tuples.add(tuple);
    parents.add(parent);
    chars.append(c);
    costs.add(cost);
    queue.add(((long) cost << 32) | id);
  }

  private boolean isGoal(int[] tuple) {
    for (int i = 0; i < automata.size(); i++) {
      if (automata.get(i).accepts(tuple[i]) != (i < required)) {
        return false;
      }
    }
    return tuple[automata.size()] == NAME;
  }

  private static int nextShape(int shape, char c) {
    if (c == '/') {
      return SEGMENT_START;
    }
    if (c == '.' && shape < DOT_DOT) {
      return shape + 1;
    }
    return NAME;
  }

  private String pathTo(int id) {
    StringBuilder path = new StringBuilder();
    for (int node = id; parents.get(node) >= 0; node = parents.get(node)) {
      path.append(chars.charAt(node));
    }
    return path.reverse().toString();
  }

  /**
   * One character per class that all automata treat alike (plus '/' and '.', which paths treat specially), the most
   * readable first.
   */
  private static char[] readableAlphabet(List<Dfa> automata) {
    StringBuilder starts = new StringBuilder("\0./0");
    for (Dfa automaton : automata) {
      for (int cls = 0; cls < automaton.classCount(); cls++) {
        starts.append(automaton.classStart(cls));
      }
    }
    char[] bounds = starts.chars().sorted().distinct().collect(
        StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
    Character[] representatives = new Character[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      char end = i + 1 < bounds.length ? (char) (bounds[i + 1] - 1) : Character.MAX_VALUE;
      representatives[i] = mostReadable(bounds[i], end);
    }
    Arrays.sort(representatives, (a, b) -> Integer.compare(rank(a), rank(b)));
    char[] alphabet = new char[representatives.length];
    for (int i = 0; i < alphabet.length; i++) {
      alphabet[i] = representatives[i];
    }
    return alphabet;
  }

  private static char mostReadable(char first, char last) {
    for (char c : PREFERRED.toCharArray()) {
      if (first <= c && c <= last) {
        return c;
      }
    }
    for (char c = FIRST_PRINTABLE; c <= LAST_PRINTABLE; c++) {
      if (first <= c && c <= last) {
        return c;
      }
    }
    return first;
  }

  private static int rank(char c) {
    int preferred = PREFERRED.indexOf(c);
    if (preferred >= 0) {
      return preferred;
    }
    boolean printable = FIRST_PRINTABLE <= c && c <= LAST_PRINTABLE;
    return printable ? PREFERRED.length() + c : Character.MAX_VALUE + c;
  }
}
