package dev.workstreams.adapter.git;

/** Where a working copy's HEAD points after the agent ran. */
public sealed interface HeadState {

  record OnTaskBranch() implements HeadState {}

  /** The agent checked out (or created) another branch. */
  record OnOtherBranch(String branch) implements HeadState {}

  /** The agent detached HEAD at {@code commit}. */
  record Detached(String commit) implements HeadState {}
}
