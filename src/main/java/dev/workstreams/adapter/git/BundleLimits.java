package dev.workstreams.adapter.git;

/**
 * Bounds on a git bundle an Actions runner made: its size on disk and the commits it may add. The
 * runner runs the repository's agent, so the bundle is hostile input like any agent output.
 */
public record BundleLimits(long maxBytes, int maxCommits) {

  /** 200 MiB and 2,000 commits: far beyond one task's work, far below what would hurt the App. */
  public static final BundleLimits DEFAULT = new BundleLimits(200L * 1024 * 1024, 2_000);
}
