package dev.workstreams.adapter.git;

import java.util.List;

/** What {@link WorkingCopies#prepare} found: a working copy ready for the agent, or why not. */
public sealed interface PrepareResult {

  /**
   * The working copy is on the task branch, up to date with the base branch. {@code startCommit}
   * is the commit the agent starts from: store it, and hand it to {@link
   * WorkingCopy#changedPathsSince} after the run.
   */
  record Ready(WorkingCopy copy, String startCommit, BaseUpdate baseUpdate) implements PrepareResult {}

  /**
   * Merging {@code branch} (the base branch, or the remote task branch when someone pushed to it)
   * into the task branch conflicts at {@code paths}; the working copy is left as it was before.
   */
  record MergeConflict(String branch, List<String> paths) implements PrepareResult {
    public MergeConflict {
      paths = List.copyOf(paths);
    }
  }

  /** The remote has no branch of that name. */
  record BaseBranchMissing(String baseBranch) implements PrepareResult {}

  /** Fetching failed (network, authentication, no such repository); the reason holds no secret. */
  record RemoteUnavailable(String reason) implements PrepareResult {}

  /** How the task branch caught up with the base branch. */
  enum BaseUpdate {
    ALREADY_UP_TO_DATE,
    FAST_FORWARD,
    MERGE_COMMIT
  }
}
