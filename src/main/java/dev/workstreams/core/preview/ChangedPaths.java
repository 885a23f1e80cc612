package dev.workstreams.core.preview;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two sides of a merge touch the same files. A three-way merge can only conflict where both
 * sides changed something: the same path (content, mode, add/add, modify/delete), or a path on one
 * side that is a folder of a path on the other (a file added where the other side puts a folder).
 * So when the paths each side changed since the merge base are disjoint and no one is a folder of
 * another, the merge is clean, and the radar need not merge the two trees at all.
 */
public final class ChangedPaths {

  private ChangedPaths() {}

  /**
   * The paths changed on both sides, and each path changed on one side that is a folder above a
   * path of the other ({@code x} against {@code x/y} gives {@code x}); sorted. Paths are
   * slash-separated, as git has them.
   */
  public static List<String> overlapping(Set<String> ours, Set<String> theirs) {
    Set<String> small = ours.size() <= theirs.size() ? ours : theirs;
    Set<String> large = small == ours ? theirs : ours;
    TreeSet<String> found = new TreeSet<>();
    for (String path : small) {
      if (large.contains(path)) {
        found.add(path);
      }
      foldersIn(path, large, found);
    }
    for (String path : large) {
      foldersIn(path, small, found);
    }
    return List.copyOf(found);
  }

  /** Adds each folder above {@code path} that is itself a path of {@code paths}. */
  private static void foldersIn(String path, Set<String> paths, Set<String> found) {
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String folder = path.substring(0, slash);
      if (paths.contains(folder)) {
        found.add(folder);
      }
    }
  }
}
