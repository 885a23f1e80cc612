package dev.workstreams.web.dashboard;

import dev.workstreams.port.RepositoryId;

/**
 * Hands a person's retry or cancel to the job queue as the App's own event, so it runs in turn with
 * the plan's other events (never beside them) and is carried out like the comment command.
 */
@FunctionalInterface
public interface DashboardRequests {

  void request(RepositoryId repository, int issue, String taskId, String verb, String login);
}
