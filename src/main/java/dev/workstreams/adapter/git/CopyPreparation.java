package dev.workstreams.adapter.git;

import java.io.File;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;

/**
 * The steps of {@link WorkingCopies#prepare} that run inside the working copy, once its
 * {@code refs/remotes/origin/} holds the base branch and (if the remote has it) the task branch.
 */
record CopyPreparation(Repository repo, BranchMerger merger, TaskKey task, String baseBranch) {

  PrepareResult run(WorkingCopy copy) throws IOException, GitAPIException {
    ObjectId base = repo.resolve(Constants.R_REMOTES + "origin/" + baseBranch);
    if (base == null) {
      return new PrepareResult.BaseBranchMissing(baseBranch);
    }
    String taskRef = Constants.R_HEADS + task.branch();
    ObjectId remoteTask = repo.resolve(Constants.R_REMOTES + "origin/" + task.branch());
    checkOutTaskBranch(taskRef, remoteTask != null ? remoteTask : base);
    if (remoteTask != null) {
      MergeOutcome fromRemote = merger.merge(repo, taskRef, remoteTask, "remote branch '" + task.branch() + "'");
      if (fromRemote instanceof MergeOutcome.Conflict c) {
        return new PrepareResult.MergeConflict(task.branch(), c.paths());
      }
    }
    MergeOutcome fromBase = merger.merge(repo, taskRef, base, "branch '" + baseBranch + "'");
    if (fromBase instanceof MergeOutcome.Conflict c) {
      return new PrepareResult.MergeConflict(baseBranch, c.paths());
    }
    ObjectId start = repo.resolve(taskRef);
    RefUpdate mark = repo.updateRef(WorkingCopy.START_REF);
    mark.setNewObjectId(start);
    mark.forceUpdate();
    return new PrepareResult.Ready(copy, start.name(), baseUpdate(fromBase));
  }

  /** HEAD on the task branch, with nothing uncommitted or unfinished from an earlier run. */
  private void checkOutTaskBranch(String taskRef, ObjectId startPoint) throws IOException, GitAPIException {
    boolean fresh = repo.exactRef(taskRef) == null;
    if (fresh) {
      RefUpdate create = repo.updateRef(taskRef);
      create.setNewObjectId(startPoint);
      create.update();
    }
    repo.updateRef(Constants.HEAD).link(taskRef);
    try (Git git = new Git(repo)) {
      git.reset().setMode(ResetType.HARD).setRef(taskRef).call();
      if (!fresh) {
        // Only a copy that an agent already used can hold leftovers; on a fresh one this would be
        // a second walk over every file, as long as the checkout itself.
        git.clean().setCleanDirectories(true).call();
        for (String unfinished : new String[] {"rebase-merge", "rebase-apply"}) {
          FileUtils.delete(new File(repo.getDirectory(), unfinished), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
      }
    }
  }

  private static PrepareResult.BaseUpdate baseUpdate(MergeOutcome outcome) {
    if (outcome instanceof MergeOutcome.FastForward) {
      return PrepareResult.BaseUpdate.FAST_FORWARD;
    }
    if (outcome instanceof MergeOutcome.MergeCommit) {
      return PrepareResult.BaseUpdate.MERGE_COMMIT;
    }
    return PrepareResult.BaseUpdate.ALREADY_UP_TO_DATE;
  }
}
