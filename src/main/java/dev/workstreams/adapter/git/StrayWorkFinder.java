package dev.workstreams.adapter.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Looks for what the agent did off its task branch. */
final class StrayWorkFinder {

  private final Repository repo;
  private final String taskRef;

  StrayWorkFinder(Repository repo, String taskRef) {
    this.repo = repo;
    this.taskRef = taskRef;
  }

  StrayWork find() throws IOException {
    List<StrayWork.StrayBranch> branches = new ArrayList<>();
    for (Ref branch : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
      if (!branch.getName().equals(taskRef) && branch.getObjectId() != null) {
        branches.add(new StrayWork.StrayBranch(
            Repository.shortenRefName(branch.getName()), branch.getObjectId().name(), newCommits(branch)));
      }
    }
    return new StrayWork(head(), branches);
  }

  HeadState head() throws IOException {
    Ref head = repo.exactRef(Constants.HEAD);
    if (head != null && head.isSymbolic()) {
      String target = head.getTarget().getName();
      return target.equals(taskRef)
          ? new HeadState.OnTaskBranch()
          : new HeadState.OnOtherBranch(Repository.shortenRefName(target));
    }
    return new HeadState.Detached(head == null || head.getObjectId() == null ? "" : head.getObjectId().name());
  }

  /** Commits on {@code branch} that neither a remote branch nor the task branch has. */
  private int newCommits(Ref branch) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(branch.getObjectId()));
      List<Ref> known = new ArrayList<>(repo.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES));
      Ref task = repo.exactRef(taskRef);
      if (task != null) {
        known.add(task);
      }
      for (Ref ref : known) {
        walk.markUninteresting(walk.parseCommit(ref.getObjectId()));
      }
      int count = 0;
      for (RevCommit ignored : walk) {
        count++;
      }
      return count;
    }
  }
}
