package dev.workstreams.port;

import dev.workstreams.core.followthrough.Trigger;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What follow-through asks of GitHub for one repository, beside {@link GitHubGateway}: a review's
 * inline comments, the checks on a commit with their annotations, re-running failed
 * Actions jobs, and bringing a pull request's branch up to date with its base.
 */
public interface FollowThroughGitHub {

  /** Every inline comment of one review, all pages read. */
  List<Trigger.ReviewComment> reviewComments(int pullRequest, long reviewId) throws IOException;

  /** Every check run on a commit (latest per name, as GitHub lists them), all pages read. */
  List<CheckRun> checkRuns(String sha) throws IOException;

  /** A check run's annotations, at most {@code max}. */
  List<Trigger.Annotation> annotations(long checkRunId, int max) throws IOException;

  /**
   * The last {@code lines} lines of an Actions job's log (for Actions, a check run's id is its job's id),
   * read within a bound; GitHub serves it through a redirect to storage, which gets no token.
   */
  List<String> jobLogTail(long jobId, int lines) throws IOException;

  /** Asks GitHub to re-run the failed jobs of an Actions workflow run; false when it refused. */
  boolean rerunFailedJobs(long workflowRunId) throws IOException;

  /**
   * GitHub's update-branch for a pull request: merges the base into the head on GitHub, so CI runs on the
   * result. Empty when it was accepted; otherwise GitHub's reason (a merge conflict, or nothing to update).
   */
  Optional<String> updateBranch(int pullRequest) throws IOException;

  /**
   * One check run as follow-through needs it.
   *
   * @param app the slug of the App that made it ({@code github-actions} for Actions jobs)
   * @param conclusion empty while it has not completed
   * @param workflowRunId for an Actions job, the run it belongs to (from its details URL); empty otherwise
   */
  record CheckRun(long id, String name, String app, boolean completed, Optional<String> conclusion, String title,
      String summary, Optional<Long> workflowRunId) {}
}
