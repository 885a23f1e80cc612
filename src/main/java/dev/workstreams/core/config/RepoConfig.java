package dev.workstreams.core.config;

import dev.workstreams.core.followthrough.FollowThroughSettings;
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
 * @param protectedPaths globs of paths no agent change is pushed to (key {@code protected}), unless the
 *     task owns the path and the plan was labelled by an admin
 * @param preview whether plans get an integration preview pull request; empty when the file does not say
 *     (then plans of two or more tasks do)
 * @param followThrough {@code max_revisions}, {@code agent_time_budget} and {@code rerun_failed_checks}
 */
public record RepoConfig(
    String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement,
    List<String> protectedPaths, Optional<Boolean> preview, FollowThroughSettings followThrough) {

  /**
   * What {@code protected} is when the file leaves it out: the files that decide what runs with the
   * repository's secrets (workflows), who must review (CODEOWNERS) and this App's own rules.
   */
  public static final List<String> DEFAULT_PROTECTED =
      List.of(".github/workflows/**", "CODEOWNERS", ".github/CODEOWNERS", ConfigFile.PATH);

  /** What a repository without the file gets (the design's documented defaults). */
  public static final RepoConfig DEFAULTS =
      new RepoConfig("plan", 4, Optional.empty(), List.of(), Enforcement.COMMENT);

  public RepoConfig {
    shared = List.copyOf(shared);
    protectedPaths = List.copyOf(protectedPaths);
  }

  /** A config that does not say whether plans get an integration preview, with the default follow-through settings. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, Optional.empty(), FollowThroughSettings.DEFAULTS);
  }

  /** A config with the default follow-through settings. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, Optional<Boolean> preview) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, preview, FollowThroughSettings.DEFAULTS);
  }

  /** A config that does not say whether plans get an integration preview. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, FollowThroughSettings followThrough) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, Optional.empty(), followThrough);
  }

  /** A config with the default {@code protected} list. */
  public RepoConfig(
      String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, DEFAULT_PROTECTED);
  }
}
