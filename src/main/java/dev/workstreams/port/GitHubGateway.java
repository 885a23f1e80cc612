package dev.workstreams.port;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the workflows ask of GitHub, for one repository. Shaped by the workflows, not by the
 * library: no library type crosses it. Every write is an "ensure": an answer meaning "already
 * exists" counts as success, so a retried job never fails on what its first attempt did.
 * {@link IOException} means GitHub could not be reached or kept failing; the job is retried.
 */
public interface GitHubGateway {

  RepositoryId repository();

  Permission permission(String login) throws IOException;

  /** The login the App itself acts as on GitHub, {@code <slug>[bot]}: what its pull requests show as author. */
  String appLogin() throws IOException;

  /** A file's text on a branch; empty when the file does not exist. */
  Optional<String> file(String path, String ref) throws IOException;

  Optional<BranchHead> branch(String name) throws IOException;

  RepositoryTree tree(String treeSha) throws IOException;

  /** The names of the branches that start with {@code prefix}, read once for a whole plan. */
  Set<String> branchesStartingWith(String prefix) throws IOException;

  /** A branch holding one empty commit on {@code base}; an existing branch of that name is kept. */
  void createBranch(String name, BranchHead base, String commitMessage) throws IOException;

  /** The newest pull request (any state) whose head is this repository's {@code branch}. */
  Optional<ObservedPullRequest> pullRequestForBranch(String branch) throws IOException;

  /** A draft pull request, or a plain one where the repository does not allow drafts. */
  ObservedPullRequest openPullRequest(String head, String base, String title, String body) throws IOException;

  void updatePullRequest(int number, String title, String body) throws IOException;

  /**
   * Every file the pull request changes, all pages read. Past GitHub's 3,000-file listing cap the
   * answer is marked incomplete rather than failing: the caller decides how to fail closed.
   */
  ChangedFiles changedFiles(int pullRequest) throws IOException;

  /**
   * A completed check run named {@code name} on the commit {@code headSha}: success or failure,
   * with a title and a Markdown summary (cut to GitHub's 65,535 characters, saying so). A run of the
   * same name already on the commit is updated in place, so reporting again never adds a second one.
   */
  void reportCheck(String headSha, String name, boolean success, String title, String summary) throws IOException;

  /** A repository label, created with this colour and description when it is missing. */
  void ensureLabel(String name, String color, String description) throws IOException;

  void addLabel(int number, String label) throws IOException;

  /** Removes a label from an issue or pull request; one that is not there is fine. */
  void removeLabel(int number, String label) throws IOException;

  /** Comments on an issue or pull request that contain {@code marker}, oldest first. */
  List<IssueComment> commentsWithMarker(int number, String marker) throws IOException;

  IssueComment comment(int number, String body) throws IOException;

  void editComment(long commentId, String body) throws IOException;

  /** Closes a pull request without merging it; one already closed is fine. */
  void closePullRequest(int number) throws IOException;

  /** An issue's current body ({@code ""} when it has none), read fresh: a webhook's copy may be older. */
  String issueBody(int number) throws IOException;

  /** Replaces an issue's body. */
  void updateIssueBody(int number, String body) throws IOException;

  /** Takes a draft pull request out of draft (GraphQL: REST cannot). */
  void markReadyForReview(int number) throws IOException;
}
