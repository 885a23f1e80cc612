package dev.workstreams.adapter.actions;

import dev.workstreams.core.actions.ActionsPermissionNotice;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.List;

/**
 * The one comment per plan issue ({@link Markers#ACTIONS_PERMISSION}) saying that its agents wait for the installation
 * to accept the Actions permission, and then that they were dispatched: found by its marker and edited in place, so a
 * second task, a redelivery or a restart never adds another.
 */
final class PermissionNotices {

  private final ActionsApi api;
  private final ActionsAttempts attempts;
  private final GitHubGateways gateways;
  private final String web;

  /** @param web the GitHub web address, where the installation's settings page is */
  PermissionNotices(ActionsApi api, ActionsAttempts attempts, GitHubGateways gateways, String web) {
    this.api = api;
    this.attempts = attempts;
    this.gateways = gateways;
    this.web = web;
  }

  /**
   * Shows which of the plan's tasks wait now, and where an owner accepts the permission; once none waits (they were
   * cancelled), says so in a notice that exists.
   */
  void waiting(RepositoryId repo, int issue) throws IOException {
    List<String> tasks = attempts.awaitingPermission().stream().filter(a -> ofPlan(a, repo, issue))
        .map(a -> a.assignment().taskId()).distinct().toList();
    // The repository's owner is the installation's account; its kind decides the settings page's address.
    String page = ActionsPermissionNotice.settingsPage(web, repo.owner(), api.ownedByOrganization(repo),
        repo.installationId());
    if (tasks.isEmpty()) {
      show(repo, issue, ActionsPermissionNotice.noneWaiting(page, repo.owner()), false);
    } else {
      show(repo, issue, ActionsPermissionNotice.waiting(page, repo.owner(), tasks), true);
    }
  }

  /** Says that the permission was accepted and {@code tasks} were dispatched; only edits a notice that exists. */
  void accepted(RepositoryId repo, int issue, List<String> tasks) throws IOException {
    show(repo, issue, ActionsPermissionNotice.accepted(tasks), false);
  }

  /** Whether no task of the plan waits for the permission any more. */
  boolean noneWaits(RepositoryId repo, int issue) {
    return attempts.awaitingPermission().stream().noneMatch(a -> ofPlan(a, repo, issue));
  }

  private void show(RepositoryId repo, int issue, String body, boolean create) throws IOException {
    GitHubGateway github = gateways.forRepository(repo);
    List<IssueComment> existing = github.commentsWithMarker(issue, Markers.ACTIONS_PERMISSION);
    if (existing.isEmpty()) {
      if (create) {
        github.comment(issue, body);
      }
    } else if (!existing.get(0).body().equals(body)) {
      github.editComment(existing.get(0).id(), body);
    }
  }

  private static boolean ofPlan(ActionsAttempt attempt, RepositoryId repo, int issue) {
    return attempt.repository().equals(repo) && attempt.assignment().issue() == issue;
  }
}
