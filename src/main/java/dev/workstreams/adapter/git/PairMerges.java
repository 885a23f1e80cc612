package dev.workstreams.adapter.git;

import dev.workstreams.core.preview.ChangedPaths;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The radar's merges of many commit pairs of one repository. Most pairs of workstreams touch
 * different files, and such a pair merges cleanly ({@link ChangedPaths}): finding that takes the
 * merge base and the paths each side changed since it, a walk that skips every folder both trees
 * share. Those paths are read once per base and commit and shared by all the pairs. Only a pair
 * whose changes overlap, or that has no single merge base, is merged in full by {@link InMemoryMerge}.
 */
final class PairMerges implements AutoCloseable {

  private final Repository repo;
  private final ObjectReader reader;
  private final RevWalk walk;
  private final Map<String, Set<String>> changedSince = new HashMap<>();
  private int mergedInFull;

  PairMerges(Repository repo) {
    this.repo = repo;
    this.reader = repo.newObjectReader();
    this.walk = new RevWalk(reader);
  }

  /** The paths where {@code a} and {@code b} conflict; empty when they merge cleanly. */
  List<String> conflicts(ObjectId a, ObjectId b) throws IOException {
    Optional<RevCommit> base = soleMergeBase(a, b);
    List<String> overlapping = base.isPresent()
        ? ChangedPaths.overlapping(changed(base.get(), a), changed(base.get(), b)) : List.of();
    if (base.isPresent() && overlapping.isEmpty()) {
      return List.of();
    }
    mergedInFull++;
    try {
      return InMemoryMerge.conflicts(repo, a, b);
    } catch (IncorrectObjectTypeException e) {
      // JGit's merger fails where both sides put a file in place of a folder (it reads the folder's
      // tree as the file's base); git calls that an add/add conflict. Report the paths both touch.
      if (overlapping.isEmpty()) {
        throw e;
      }
      return overlapping;
    }
  }

  /** How many pairs needed the whole merge, so a test can tell the shortcut was taken. */
  int mergedInFull() {
    return mergedInFull;
  }

  /** The one merge base of the two, if there is exactly one; a criss-cross history has several. */
  private Optional<RevCommit> soleMergeBase(ObjectId a, ObjectId b) throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(walk.parseCommit(a));
    walk.markStart(walk.parseCommit(b));
    RevCommit first = walk.next();
    if (first == null || walk.next() != null) {
      return Optional.empty();
    }
    return Optional.of(first);
  }

  private Set<String> changed(RevCommit base, ObjectId tip) throws IOException {
    String key = base.name() + " " + tip.name();
    Set<String> known = changedSince.get(key);
    if (known != null) {
      return known;
    }
    Set<String> paths = new HashSet<>();
    try (TreeWalk diff = new TreeWalk(reader)) {
      diff.setRecursive(true);
      diff.setFilter(TreeFilter.ANY_DIFF);
      diff.addTree(base.getTree());
      diff.addTree(walk.parseCommit(tip).getTree());
      while (diff.next()) {
        paths.add(diff.getPathString());
      }
    }
    changedSince.put(key, paths);
    return paths;
  }

  @Override
  public void close() {
    walk.close();
    reader.close();
  }
}
