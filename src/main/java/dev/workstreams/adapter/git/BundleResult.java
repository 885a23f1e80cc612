package dev.workstreams.adapter.git;

import java.util.List;

/** What {@link WorkingCopy#applyBundle} did. */
public sealed interface BundleResult {

  /**
   * The task branch now holds the bundle's commits. {@code startCommit}: the branch before them,
   * from which enforcement counts the run's changes; {@code commits}: how many the bundle added.
   */
  record Applied(String startCommit, String tip, int commits) implements BundleResult {}

  /** The bundle was refused and nothing changed: {@code reason} says why, for the pull request. */
  record Refused(String reason) implements BundleResult {}

  /** The branch moved since the run started and the run's commits conflict with that at {@code paths}. */
  record Conflict(List<String> paths) implements BundleResult {
    public Conflict {
      paths = List.copyOf(paths);
    }
  }
}
