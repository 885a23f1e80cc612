package dev.workstreams.core.ownership;

import java.util.BitSet;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/** What a plan says about one path: which of its globs match it, so which tasks own it and whether it is shared. */
final class PathClaims {

  private final int[] globs;
  private final BitSet owners = new BitSet();
  private final int firstOwner;
  private final boolean shared;

  /**
   * @param matchingGlobs numbers of the matching globs (see {@link PlanGlobs#globs()}), ascending
   */
  PathClaims(int[] matchingGlobs, PlanGlobs plan) {
    this.globs = matchingGlobs.clone();
    boolean anyShared = false;
    for (int glob : globs) {
      int task = plan.taskOfGlob(glob);
      if (task == PlanGlobs.SHARED) {
        anyShared = true;
      } else {
        owners.set(task);
      }
    }
    this.shared = anyShared;
    // Task globs are numbered in plan order, so the lowest set bit is the task listed first.
    this.firstOwner = owners.nextSetBit(0);
  }

  boolean ownedBy(int task) {
    return owners.get(task);
  }

  OptionalInt firstOwner() {
    return firstOwner < 0 ? OptionalInt.empty() : OptionalInt.of(firstOwner);
  }

  boolean shared() {
    return shared;
  }

  void forEachGlob(IntConsumer action) {
    for (int glob : globs) {
      action.accept(glob);
    }
  }
}
