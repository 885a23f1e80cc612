package dev.workstreams.adapter.git;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Rewrites the commits after a start commit so that some paths keep, in every commit, the content
 * they had at the start. A new commit that reverts them would not do: the commits before it would
 * still carry the files to the remote, and GitHub refuses a push whose commits touch workflow files
 * without the {@code workflows} permission, reverted or not. Authors and messages are kept; the bot
 * becomes the committer; a commit left with no change of its own is dropped.
 */
final class PathsDropper {

  private final Repository repo;
  private final PersonIdent committer;

  PathsDropper(Repository repo, BotIdentity bot) {
    this.repo = repo;
    this.committer = new PersonIdent(bot.name(), bot.email());
  }

  /** The new tip: {@code tip} rewritten with {@code paths} as they were in {@code start}. */
  ObjectId rewrite(ObjectId start, ObjectId tip, Set<String> paths) throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        ObjectInserter inserter = repo.newObjectInserter()) {
      RevCommit startCommit = walk.parseCommit(start);
      Map<String, Optional<TreeEntry>> original = startEntries(reader, startCommit, paths);
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(tip));
      walk.markUninteresting(startCommit);
      Map<ObjectId, ObjectId> rewritten = new HashMap<>();
      Map<ObjectId, ObjectId> newTrees = new HashMap<>();
      for (RevCommit commit : walk) {
        ObjectId[] parents = new ObjectId[commit.getParentCount()];
        for (int i = 0; i < parents.length; i++) {
          parents[i] = rewritten.getOrDefault(commit.getParent(i), commit.getParent(i));
        }
        ObjectId tree = filteredTree(reader, inserter, commit, original);
        if (becameEmpty(walk, commit, parents, tree, newTrees)) {
          rewritten.put(commit, parents[0]);
          continue;
        }
        ObjectId id = inserter.insert(copyOf(commit, tree, parents));
        rewritten.put(commit, id);
        newTrees.put(id, tree);
      }
      inserter.flush();
      return rewritten.getOrDefault(tip, tip);
    }
  }

  private CommitBuilder copyOf(RevCommit commit, ObjectId tree, ObjectId[] parents) {
    CommitBuilder copy = new CommitBuilder();
    copy.setTreeId(tree);
    copy.setParentIds(parents);
    copy.setAuthor(commit.getAuthorIdent());
    copy.setCommitter(committer);
    copy.setEncoding(commit.getEncoding());
    copy.setMessage(commit.getFullMessage());
    return copy;
  }

  /** A one-parent commit whose only changes were dropped (an empty commit of the agent stays). */
  private static boolean becameEmpty(
      RevWalk walk, RevCommit commit, ObjectId[] parents, ObjectId tree, Map<ObjectId, ObjectId> newTrees)
      throws IOException {
    if (parents.length != 1) {
      return false;
    }
    ObjectId parentTree = newTrees.containsKey(parents[0])
        ? newTrees.get(parents[0])
        : walk.parseCommit(parents[0]).getTree();
    RevCommit originalParent = walk.parseCommit(commit.getParent(0));
    return tree.equals(parentTree) && !commit.getTree().equals(originalParent.getTree());
  }

  private static ObjectId filteredTree(
      ObjectReader reader, ObjectInserter inserter, RevCommit commit, Map<String, Optional<TreeEntry>> original)
      throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, commit.getTree());
    builder.finish();
    DirCacheEditor editor = index.editor();
    original.forEach((path, entry) -> editor.add(entry.isPresent()
        ? new RestoreEntry(path, entry.get())
        : new DirCacheEditor.DeletePath(path)));
    editor.finish();
    return index.writeTree(inserter);
  }

  private static Map<String, Optional<TreeEntry>> startEntries(
      ObjectReader reader, RevCommit start, Set<String> paths) throws IOException {
    Map<String, Optional<TreeEntry>> entries = new HashMap<>();
    for (String path : paths) {
      try (TreeWalk walk = TreeWalk.forPath(reader, path, start.getTree())) {
        entries.put(path, walk == null
            ? Optional.empty()
            : Optional.of(new TreeEntry(walk.getFileMode(0), walk.getObjectId(0))));
      }
    }
    return entries;
  }

  private record TreeEntry(FileMode mode, ObjectId id) {}

  private static final class RestoreEntry extends DirCacheEditor.PathEdit {
    private final TreeEntry entry;

    RestoreEntry(String path, TreeEntry entry) {
      super(path);
      this.entry = entry;
    }

    @Override
    public void apply(DirCacheEntry target) {
      target.setFileMode(entry.mode());
      target.setObjectId(entry.id());
    }
  }
}
