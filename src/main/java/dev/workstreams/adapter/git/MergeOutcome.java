package dev.workstreams.adapter.git;

import java.util.List;

/** How {@link BranchMerger} brought a branch up to date. */
sealed interface MergeOutcome {

  record UpToDate() implements MergeOutcome {}

  record FastForward(String commit) implements MergeOutcome {}

  record MergeCommit(String commit) implements MergeOutcome {}

  /** Nothing changed: not the branch, not the index, not the working tree. */
  record Conflict(List<String> paths) implements MergeOutcome {
    public Conflict {
      paths = List.copyOf(paths);
    }
  }
}
