package dev.workstreams.adapter.git;

import java.io.IOException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The paths a run changed. A rename counts at both paths, as GitHub's ownership check counts it.
 * Each commit is looked at on its own as well as the net difference, so that a file added in one
 * commit and deleted in the next still counts: it would still be pushed in the first commit.
 */
final class ChangedPaths {

  private ChangedPaths() {}

  /** Paths changed by the commits on {@code tip} that {@code start} does not have. */
  static SortedSet<String> committed(Repository repo, ObjectId start, ObjectId tip) throws IOException {
    SortedSet<String> paths = new TreeSet<>();
    try (RevWalk walk = new RevWalk(repo);
        RevWalk parents = new RevWalk(repo);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDetectRenames(true);
      RevCommit startCommit = walk.parseCommit(start);
      RevCommit tipCommit = walk.parseCommit(tip);
      add(paths, diff.scan(startCommit.getTree(), tipCommit.getTree()));
      walk.markStart(tipCommit);
      walk.markUninteresting(startCommit);
      for (RevCommit commit : walk) {
        // A merge's own changes show in the net difference; diffing it against one parent would
        // count everything the other side brought.
        if (commit.getParentCount() == 1) {
          RevCommit parent = parents.parseCommit(commit.getParent(0));
          add(paths, diff.scan(parent.getTree(), commit.getTree()));
        }
      }
    }
    return paths;
  }

  /** Paths changed in the working tree and index but not committed (ignored files excluded). */
  static SortedSet<String> uncommitted(Git git) throws GitAPIException {
    Status status = git.status().call();
    SortedSet<String> paths = new TreeSet<>();
    paths.addAll(status.getAdded());
    paths.addAll(status.getChanged());
    paths.addAll(status.getRemoved());
    paths.addAll(status.getMissing());
    paths.addAll(status.getModified());
    paths.addAll(status.getUntracked());
    paths.addAll(status.getConflicting());
    return paths;
  }

  private static void add(SortedSet<String> paths, List<DiffEntry> entries) {
    for (DiffEntry entry : entries) {
      if (entry.getChangeType() != DiffEntry.ChangeType.ADD) {
        paths.add(entry.getOldPath());
      }
      if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
        paths.add(entry.getNewPath());
      }
    }
  }
}
