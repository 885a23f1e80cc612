package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Takes the commits of a bundle an Actions runner made onto the task branch, after checking what a
 * hostile runner could get wrong: the file's size, its header (one ref, prerequisites the branch
 * already has), every object (JGit's object checker, as for a push), that its commits descend from
 * the branch head the run started from (nothing rewritten), and how many there are. Only then does
 * the branch move: a fast-forward, or a merge when the branch moved meanwhile.
 */
final class BundleApplier {

  /** Where the bundle's commit is fetched to before the branch moves. */
  static final String BUNDLE_REF = "refs/workstreams/bundle";

  private final CopyContext context;
  private final BranchMerger merger;

  BundleApplier(CopyContext context, BranchMerger merger) {
    this.context = context;
    this.merger = merger;
  }

  BundleResult apply(Git git, Path bundle, ObjectId expectedHead, BundleLimits limits)
      throws IOException, GitAPIException {
    Repository repo = git.getRepository();
    long size = Files.size(bundle);
    if (size > limits.maxBytes()) {
      return refused("it is " + size + " bytes, more than the " + limits.maxBytes() + " allowed");
    }
    BundleHeader header;
    try {
      header = BundleHeader.read(bundle);
    } catch (BundleHeader.BundleFormatException e) {
      return refused(e.getMessage());
    }
    if (header.refs().size() != 1) {
      return refused("it names " + header.refs().size() + " refs; the action writes exactly one, the task branch");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit expected = walk.parseCommit(expectedHead);
      for (ObjectId prerequisite : header.prerequisites()) {
        if (!based(walk, prerequisite, expected)) {
          return refused("it builds on " + prerequisite.abbreviate(10).name() + ", which is not in the history of "
              + expected.abbreviate(10).name() + ", the branch head the run started from");
        }
      }
    }
    Map.Entry<String, ObjectId> ref = header.refs().entrySet().iterator().next();
    try {
      git.fetch()
          .setRemote(bundle.toAbsolutePath().toString())
          .setRefSpecs(new RefSpec("+" + ref.getKey() + ":" + BUNDLE_REF))
          .setTagOpt(TagOpt.NO_TAGS)
          .setCheckFetchedObjects(true)
          .call();
    } catch (GitAPIException e) {
      return refused("its objects could not be read: " + e.getMessage());
    }
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId fetched = repo.resolve(BUNDLE_REF);
      RevCommit tip;
      try {
        tip = walk.parseCommit(fetched);
      } catch (IncorrectObjectTypeException | MissingObjectException | NullPointerException e) {
        return refused("its ref does not point at a commit");
      }
      RevCommit expected = walk.parseCommit(expectedHead);
      if (!walk.isMergedInto(expected, tip)) {
        return refused("its commits do not descend from " + expected.abbreviate(10).name()
            + ", the branch head the run started from: the agent rewrote history");
      }
      int commits = count(repo, tip, expected, limits.maxCommits());
      if (commits > limits.maxCommits()) {
        return refused("it adds more than " + limits.maxCommits() + " commits");
      }
      ObjectId before = context.taskTip(repo);
      MergeOutcome outcome = merger.merge(repo, context.taskRef(), tip, "the agent's commits (GitHub Actions)");
      if (outcome instanceof MergeOutcome.Conflict conflict) {
        return new BundleResult.Conflict(conflict.paths());
      }
      return new BundleResult.Applied(before.name(), context.taskTip(repo).name(), commits);
    } finally {
      RefUpdate delete = repo.updateRef(BUNDLE_REF);
      delete.setForceUpdate(true);
      if (repo.exactRef(BUNDLE_REF) != null) {
        delete.delete();
      }
    }
  }

  /** Whether {@code prerequisite} is in this repository and in the history of {@code expected}. */
  private static boolean based(RevWalk walk, ObjectId prerequisite, RevCommit expected) throws IOException {
    try {
      return walk.isMergedInto(walk.parseCommit(prerequisite), expected);
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return false;
    }
  }

  /** The commits in {@code tip} but not in {@code expected}, counted up to one past {@code limit}. */
  private static int count(Repository repo, RevCommit tip, RevCommit expected, int limit) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(tip));
      walk.markUninteresting(walk.parseCommit(expected));
      int n = 0;
      while (walk.next() != null && n <= limit) {
        n++;
      }
      return n;
    }
  }

  private static BundleResult refused(String reason) {
    return new BundleResult.Refused("the run's bundle was refused: " + reason);
  }
}
