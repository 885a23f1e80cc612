package dev.workstreams.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A repository's settings from {@code .github/workstreams.yml} on its default branch.
 *
 * @param triggerLabel the label that turns an issue's plan into workstreams
 * @param maxParallel  how many workstreams of one plan may be in flight at once
 * @param agent        the operator's agent profile to use, if the repository names one
 * @param shared       paths any task may touch (lock files and the like)
 * @param enforcement  whether ownership violations are only commented on or also never pushed
 */
public record RepoConfig(
    String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement) {

  /** What a repository without the file gets (the design's documented defaults). */
  public static final RepoConfig DEFAULTS =
      new RepoConfig("plan", 4, Optional.empty(), List.of(), Enforcement.COMMENT);

  public RepoConfig {
    shared = List.copyOf(shared);
  }
}
