package dev.workstreams.port;

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

  record PlanTask(int issue, String taskId) {}
}
