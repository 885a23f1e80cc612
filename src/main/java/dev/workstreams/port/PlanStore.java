package dev.workstreams.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The App's memory of plans and their workstreams. Jobs for one plan never run at the same time
 * (the job queue serializes them by issue), so a save is a plain upsert.
 */
public interface PlanStore {

  Optional<StoredPlan> plan(RepositoryId repository, int issue);

  void savePlan(StoredPlan plan);

  List<StoredWorkstream> workstreams(RepositoryId repository, int issue);

  void saveWorkstream(RepositoryId repository, int issue, StoredWorkstream workstream);

  /** The plan issue and task a pull request belongs to, found by its number. */
  Optional<PlanTask> taskOfPullRequest(RepositoryId repository, int pullRequest);

  /** Plans of a repository that are still active, for warnings about pull requests outside them. */
  List<StoredPlan> activePlans(RepositoryId repository);

  /** Marks a running agent's workstream alive. */
  void heartbeat(RepositoryId repository, int issue, String taskId, Instant at);

  /** Workstreams still RUNNING whose agent has not been heard of since {@code before}: their process died. */
  List<RunningTask> silentAgents(Instant before);

  record PlanTask(int issue, String taskId) {}

  record RunningTask(RepositoryId repository, int issue, String taskId, int attempt) {}
}
