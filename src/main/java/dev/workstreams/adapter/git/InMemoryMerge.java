package dev.workstreams.adapter.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Merges two commits of a bare repository in memory, as {@code git merge-tree} does, and tells where
 * they conflict; nothing is written to the repository. JGit's recursive merger does not follow
 * renames, where git does: a file renamed on one side and edited on the other is a modify/delete
 * conflict to JGit but merges cleanly in git (and on GitHub). So each such path is looked at again:
 * when the deleting side renamed it and the edit merges into the renamed file without a conflict,
 * the path is not reported.
 */
final class InMemoryMerge {

  private static final MergeAlgorithm CONTENT = new MergeAlgorithm(
      DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));

  private InMemoryMerge() {}

  /** The paths where {@code a} and {@code b} conflict; empty when they merge cleanly. */
  static List<String> conflicts(Repository repo, ObjectId a, ObjectId b) throws IOException {
    try (InMemoryInserter inserter = new InMemoryInserter(repo)) {
      ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repo.getConfig());
      if (merger.merge(a, b)) {
        return List.of();
      }
      TreeSet<String> paths = new TreeSet<>(merger.getUnmergedPaths());
      if (merger.getFailingPaths() != null) {
        paths.addAll(merger.getFailingPaths().keySet());
      }
      try (ObjectReader reader = inserter.newReader(); RevWalk walk = new RevWalk(reader)) {
        Optional<ObjectId> base = Optional.ofNullable(merger.getBaseCommitId());
        if (base.isPresent()) {
          Sides sides = new Sides(reader, walk.parseCommit(base.get()).getTree(), walk.parseCommit(a).getTree(),
              walk.parseCommit(b).getTree());
          paths.removeIf(path -> sides.renamedAndMergesCleanly(path));
        }
      }
      return new ArrayList<>(paths);
    }
  }

  /** The merge base's tree and both sides' trees, read through the merge's own reader. */
  private record Sides(ObjectReader reader, RevTree base, RevTree a, RevTree b) {

    boolean renamedAndMergesCleanly(String path) {
      try {
        Optional<ObjectId> inBase = blob(base, path);
        Optional<ObjectId> inA = blob(a, path);
        Optional<ObjectId> inB = blob(b, path);
        if (inBase.isEmpty() || inA.isPresent() == inB.isPresent()) {
          return false; // not a modify/delete conflict
        }
        RevTree renaming = inA.isEmpty() ? a : b;
        RevTree editing = inA.isEmpty() ? b : a;
        ObjectId edited = inA.isEmpty() ? inB.get() : inA.get();
        Optional<String> target = renameTarget(renaming, path);
        if (target.isEmpty() || blob(editing, target.get()).isPresent()) {
          return false;
        }
        RawText baseText = text(inBase.get());
        RawText editText = text(edited);
        RawText renamedText = text(blob(renaming, target.get()).orElseThrow());
        if (RawText.isBinary(baseText.getRawContent()) || RawText.isBinary(editText.getRawContent())
            || RawText.isBinary(renamedText.getRawContent())) {
          return false;
        }
        return !CONTENT.merge(RawTextComparator.DEFAULT, baseText, editText, renamedText).containsConflicts();
      } catch (IOException e) {
        return false; // a conflict stays reported when it cannot be looked at again
      }
    }

    private Optional<String> renameTarget(RevTree side, String path) throws IOException {
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.setRecursive(true);
        walk.addTree(base);
        walk.addTree(side);
        walk.setFilter(TreeFilter.ANY_DIFF);
        List<DiffEntry> changes = DiffEntry.scan(walk).stream()
            .filter(d -> d.getChangeType() == DiffEntry.ChangeType.ADD
                || (d.getChangeType() == DiffEntry.ChangeType.DELETE && d.getOldPath().equals(path)))
            .toList();
        RenameDetector renames = new RenameDetector(reader, new org.eclipse.jgit.lib.Config().get(DiffConfig.KEY));
        renames.addAll(changes);
        return renames.compute().stream()
            .filter(d -> d.getChangeType() == DiffEntry.ChangeType.RENAME && d.getOldPath().equals(path))
            .map(DiffEntry::getNewPath)
            .findFirst();
      }
    }

    private Optional<ObjectId> blob(RevTree tree, String path) throws IOException {
      try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
        return walk == null || (walk.getRawMode(0) & 0170000) != 0100000
            ? Optional.empty() : Optional.of(walk.getObjectId(0));
      }
    }

    private RawText text(ObjectId blob) throws IOException {
      return new RawText(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
    }
  }
}
