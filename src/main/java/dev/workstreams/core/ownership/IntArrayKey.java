package dev.workstreams.core.ownership;

import java.util.Arrays;

/** An int array compared by content, to key the state sets and state tuples of the automaton constructions. */
record IntArrayKey(int[] values) {

  @Override
  public boolean equals(Object other) {
    return other instanceof IntArrayKey key && Arrays.equals(values, key.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
