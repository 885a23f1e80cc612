package dev.workstreams.adapter.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Brings a branch up to date with another commit: a fast-forward when possible, else a merge
 * commit by the bot identity.
 *
 * <p>The merge is computed in memory and the branch moves only once it succeeded, so a conflict
 * leaves nothing behind: no {@code MERGE_HEAD}, no conflict markers, no half-updated index. Merge
 * rather than rebase because the task branch holds earlier merges of the base branch and the
 * agent's own commits: a rebase would rewrite the agent's commits and replay the base branch's
 * commits one by one, where a merge keeps both sides exactly as they were.
 */
final class BranchMerger {

  private final BotIdentity bot;

  BranchMerger(BotIdentity bot) {
    this.bot = bot;
  }

  /** Merges {@code other} (called {@code otherName} in the message) into {@code branchRef}. */
  MergeOutcome merge(Repository repo, String branchRef, ObjectId other, String otherName)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit head = walk.parseCommit(repo.exactRef(branchRef).getObjectId());
      RevCommit theirs = walk.parseCommit(other);
      if (walk.isMergedInto(theirs, head)) {
        return new MergeOutcome.UpToDate();
      }
      if (walk.isMergedInto(head, theirs)) {
        List<String> conflicts = moveBranch(repo, branchRef, head, theirs);
        return conflicts.isEmpty()
            ? new MergeOutcome.FastForward(theirs.name())
            : new MergeOutcome.Conflict(conflicts);
      }
      ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
      if (!merger.merge(head, theirs)) {
        TreeSet<String> paths = new TreeSet<>(merger.getUnmergedPaths());
        if (merger.getFailingPaths() != null) {
          paths.addAll(merger.getFailingPaths().keySet());
        }
        return new MergeOutcome.Conflict(new ArrayList<>(paths));
      }
      String message = "Merge " + otherName + " into " + Repository.shortenRefName(branchRef) + "\n";
      RevCommit merge = walk.parseCommit(insertCommit(repo, merger.getResultTreeId(), message, head, theirs));
      List<String> conflicts = moveBranch(repo, branchRef, head, merge);
      return conflicts.isEmpty()
          ? new MergeOutcome.MergeCommit(merge.name())
          : new MergeOutcome.Conflict(conflicts);
    }
  }

  private ObjectId insertCommit(
      Repository repo, ObjectId tree, String message, ObjectId... parents) throws IOException {
    PersonIdent ident = new PersonIdent(bot.name(), bot.email());
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    commit.setParentIds(parents);
    commit.setAuthor(ident);
    commit.setCommitter(ident);
    commit.setMessage(message);
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  /**
   * Points the branch at {@code target}. When the branch is checked out, the index and working tree
   * follow first, keeping uncommitted changes that do not collide; paths that would collide are
   * returned and nothing moves.
   */
  static List<String> moveBranch(Repository repo, String branchRef, RevCommit from, RevCommit target)
      throws IOException {
    if (branchRef.equals(repo.getFullBranch())) {
      DirCacheCheckout checkout =
          new DirCacheCheckout(repo, from.getTree(), repo.lockDirCache(), target.getTree());
      checkout.setFailOnConflict(true);
      try {
        checkout.checkout();
      } catch (CheckoutConflictException e) {
        return List.copyOf(new TreeSet<>(checkout.getConflicts()));
      }
    }
    RefUpdate update = repo.updateRef(branchRef);
    update.setExpectedOldObjectId(from);
    update.setNewObjectId(target);
    update.setRefLogMessage("workstreams: " + target.getShortMessage(), false);
    // Forced so that a rewritten branch (enforcement) can move too; the expected old id still
    // refuses the move if anything else changed the branch meanwhile.
    RefUpdate.Result result = update.forceUpdate();
    if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED
        && result != RefUpdate.Result.NO_CHANGE && result != RefUpdate.Result.NEW) {
      throw new IOException("could not move " + branchRef + " to " + target.name() + ": " + result);
    }
    return List.of();
  }
}
