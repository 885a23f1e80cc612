package dev.workstreams.adapter.git;

import java.util.List;

/**
 * Work the agent did outside its task branch: a moved HEAD and local branches other than the
 * task branch. None of it is ever pushed; the workflow reports it on the pull request.
 */
public record StrayWork(HeadState head, List<StrayBranch> branches) {

  public StrayWork {
    branches = List.copyOf(branches);
  }

  /** True when HEAD is on the task branch and no other local branch exists. */
  public boolean isEmpty() {
    return head instanceof HeadState.OnTaskBranch && branches.isEmpty();
  }

  /**
   * A local branch other than the task branch; {@code newCommits} counts its commits that are on
   * no remote branch and not on the task branch (0 for a branch that was merely checked out).
   */
  public record StrayBranch(String name, String tip, int newCommits) {}
}
