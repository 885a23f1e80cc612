package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan issue as the App recorded it. {@code issueBody} is the text the plan was accepted from:
 * ownership checks read their rules from it, never from a pull request's head. {@code rejectedEdit} is what the
 * tracking comment says about a later edit of the issue that was not applied (empty when the body holds the plan in
 * force): it stays until the body is valid again, so that no other event's rendering of the table drops it.
 */
public record StoredPlan(
    RepositoryId repository,
    int issue,
    PlanState state,
    String issueBody,
    String baseBranch,
    int maxParallel,
    Optional<String> agent,
    List<String> shared,
    Enforcement enforcement,
    Instant labelledAt,
    Optional<Instant> finishedAt,
    Optional<Long> trackingCommentId,
    String trackingCommentBody,
    String rejectedEdit) {

  public StoredPlan {
    shared = List.copyOf(shared);
  }

  /** A plan whose issue body holds the plan in force: no rejected edit pending. */
  public StoredPlan(RepositoryId repository, int issue, PlanState state, String issueBody, String baseBranch,
      int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement, Instant labelledAt,
      Optional<Instant> finishedAt, Optional<Long> trackingCommentId, String trackingCommentBody) {
    this(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement, labelledAt,
        finishedAt, trackingCommentId, trackingCommentBody, "");
  }

  public StoredPlan withState(PlanState newState) {
    return new StoredPlan(repository, issue, newState, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody, rejectedEdit);
  }

  public StoredPlan withTrackingComment(long id, String body) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, Optional.of(id), body, rejectedEdit);
  }

  public StoredPlan withFinishedAt(Instant at) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, Optional.of(at), trackingCommentId, trackingCommentBody, rejectedEdit);
  }

  /** The same plan with an edit of its issue that was not applied ({@code ""}: none). */
  public StoredPlan withRejectedEdit(String text) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody, text);
  }
}
