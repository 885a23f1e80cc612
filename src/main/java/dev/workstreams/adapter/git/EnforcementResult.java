package dev.workstreams.adapter.git;

import java.util.List;

/** What {@link WorkingCopy#dropPathsOutside} did with paths the push must not carry (protected, or outside the task). */
public sealed interface EnforcementResult {

  /** Every path the agent changed is allowed; the branch is untouched. */
  record NothingOutside() implements EnforcementResult {}

  /**
   * The agent's commits were rewritten without the changes to {@code paths} (each is back to its
   * state at the start commit, in every commit, so no pushed commit carries them). {@code
   * unfilteredHead} is the tip before rewriting, kept under {@code refs/workstreams/unfiltered}.
   */
  record Dropped(List<String> paths, String newHead, String unfilteredHead) implements EnforcementResult {
    public Dropped {
      paths = List.copyOf(paths);
    }
  }

  /** Nothing was done: the working copy has uncommitted changes or HEAD is off the task branch. */
  record NotReady(String reason) implements EnforcementResult {}
}
