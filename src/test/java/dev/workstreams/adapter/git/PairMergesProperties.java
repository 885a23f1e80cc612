package dev.workstreams.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * The radar's shortcut (pairs that change disjoint paths are clean without merging their trees)
 * never changes an answer: for random histories of edits, adds, deletes, files put where the other
 * side has a folder and the same change on both sides, {@link PairMerges} reports exactly the
 * conflicts of the whole in-memory merge.
 */
class PairMergesProperties {

  private static final List<String> PATHS = List.of("README.md", "x", "x/y", "x/z", "src/a.txt", "src/b.txt",
      "src/deep/c.txt", "src/deep", "docs/d.md", "lock.json");
  private static final PersonIdent WHO = new PersonIdent("Bench", "bench@example.com", 1_700_000_000_000L, 0);

  @Property(tries = 300)
  void theShortcutReportsWhatTheWholeMergeReports(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    try (Repository repo = new InMemoryRepository(new DfsRepositoryDescription("radar"))) {
      Map<String, String> files = new TreeMap<>();
      for (int i = 0; i < 6; i++) {
        put(files, PATHS.get(random.nextInt(PATHS.size())), text(random, -1, 0));
      }
      ObjectId base = commit(repo, files, List.of());
      ObjectId ours = commit(repo, change(random, files), List.of(base));
      ObjectId theirs = random.nextInt(5) == 0 ? ours : commit(repo, change(random, files), List.of(base));
      if (random.nextInt(4) == 0) {
        theirs = commit(repo, change(random, files), List.of(theirs)); // two commits on one side
      }

      Optional<List<String>> whole;
      try {
        whole = Optional.of(InMemoryMerge.conflicts(repo, ours, theirs));
      } catch (IncorrectObjectTypeException e) {
        whole = Optional.empty(); // JGit gives up on a file put in place of a folder on both sides
      }
      try (PairMerges pairs = new PairMerges(repo)) {
        List<String> answer = pairs.conflicts(ours, theirs);
        if (whole.isPresent()) {
          assertEquals(whole.get(), answer);
        } else {
          assertFalse(answer.isEmpty(), "where JGit gives up, the paths both sides touch are reported");
        }
        Statistics.label("shortcut").collect(pairs.mergedInFull() == 0);
        Statistics.label("conflict").collect(!answer.isEmpty());
        // Both ways must be tried often enough for the property to mean something.
        Statistics.label("shortcut").coverage(check -> {
          check.check(true).percentage(p -> p > 15);
          check.check(false).percentage(p -> p > 15);
        });
        Statistics.label("conflict").coverage(check -> check.check(true).percentage(p -> p > 10));
      }
    }
  }

  private static Map<String, String> change(Random random, Map<String, String> base) {
    Map<String, String> files = new TreeMap<>(base);
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      List<String> present = List.copyOf(files.keySet());
      String existing = present.isEmpty() ? "README.md" : present.get(random.nextInt(present.size()));
      switch (random.nextInt(4)) {
        case 0 -> files.remove(existing);
        case 1 -> put(files, PATHS.get(random.nextInt(PATHS.size())), text(random, -1, 0));
        default -> {
          // One line changed; two sides changing lines far apart merge, near ones conflict.
          String now = files.getOrDefault(existing, "");
          files.put(existing, text(random, random.nextInt(8), now.hashCode() + random.nextInt(3)));
        }
      }
    }
    return files;
  }

  /** Puts a file, removing what stands in its way: a file where a folder goes, or a folder's files. */
  private static void put(Map<String, String> files, String path, String content) {
    files.keySet().removeIf(other -> other.startsWith(path + "/") || path.startsWith(other + "/"));
    files.put(path, content);
  }

  /** Eight lines; with {@code changed} >= 0 that one line differs from the others' usual text. */
  private static String text(Random random, int changed, int salt) {
    StringBuilder out = new StringBuilder();
    for (int line = 0; line < 8; line++) {
      out.append(line == changed ? "changed " + salt % 3 : "line " + line).append('\n');
    }
    return changed < 0 && random.nextInt(3) == 0 ? out + "tail " + random.nextInt(2) + "\n" : out.toString();
  }

  private static ObjectId commit(Repository repo, Map<String, String> files, List<ObjectId> parents)
      throws Exception {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, String> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes()));
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentIds(parents);
      commit.setAuthor(WHO);
      commit.setCommitter(WHO);
      commit.setMessage("change\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }
}
