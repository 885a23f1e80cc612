package dev.workstreams.adapter.git;

/** What {@link WorkingCopy#commitChanges} did. */
public sealed interface CommitResult {

  /** Everything the agent left uncommitted is now one commit on the task branch. */
  record Committed(String commit) implements CommitResult {}

  /** The agent left no uncommitted change (it may still have made commits of its own). */
  record NothingToCommit() implements CommitResult {}

  /** The agent moved HEAD off the task branch; nothing was committed, so nothing lands there by accident. */
  record NotOnTaskBranch(HeadState head) implements CommitResult {}
}
