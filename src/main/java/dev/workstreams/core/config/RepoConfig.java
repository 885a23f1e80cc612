package dev.workstreams.core.config;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.schedule.WorkDuration;
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
 * @param reviewTime   how long a person takes to review one pull request (key {@code review_time}), for the simulation
 * @param draftLabel   the label that asks the planner for a draft plan (key {@code draft_label})
 */
public record RepoConfig(
    String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement,
    List<String> protectedPaths, Optional<Boolean> preview, FollowThroughSettings followThrough,
    WorkDuration reviewTime, String draftLabel) {

  public static final WorkDuration DEFAULT_REVIEW_TIME = WorkDuration.ofMinutes(30);
  public static final String DEFAULT_DRAFT_LABEL = "plan:draft";

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

  /** A config with the default {@code protected} list and defaults for everything after it. */
  public RepoConfig(
      String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, DEFAULT_PROTECTED);
  }

  /** A config with defaults for everything after {@code protected}. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, Optional.empty(),
        FollowThroughSettings.DEFAULTS);
  }

  /** A config that says whether plans get a preview, with defaults for the rest. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, Optional<Boolean> preview) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, preview, FollowThroughSettings.DEFAULTS);
  }

  /** A config with follow-through settings, with defaults for the rest. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, FollowThroughSettings followThrough) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, Optional.empty(), followThrough);
  }

  /** A config with the default review time and draft label. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, Optional<Boolean> preview, FollowThroughSettings followThrough) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, preview, followThrough,
        DEFAULT_REVIEW_TIME, DEFAULT_DRAFT_LABEL);
  }

  /** A config with a review time and draft label, with defaults for preview and follow-through. */
  public RepoConfig(String triggerLabel, int maxParallel, Optional<String> agent, List<String> shared,
      Enforcement enforcement, List<String> protectedPaths, WorkDuration reviewTime, String draftLabel) {
    this(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths, Optional.empty(),
        FollowThroughSettings.DEFAULTS, reviewTime, draftLabel);
  }
}
