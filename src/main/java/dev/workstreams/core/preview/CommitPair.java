package dev.workstreams.core.preview;

/**
 * Two commits to merge in memory. The order of the two does not change whether they conflict, so
 * a pair is kept in one canonical order: the same merge is never asked for twice.
 */
public record CommitPair(String first, String second) {

  public CommitPair {
    if (first == null || second == null || first.isEmpty() || second.isEmpty()) {
      throw new IllegalArgumentException("a commit pair needs two commits");
    }
  }

  public static CommitPair of(String a, String b) {
    return a.compareTo(b) <= 0 ? new CommitPair(a, b) : new CommitPair(b, a);
  }
}
