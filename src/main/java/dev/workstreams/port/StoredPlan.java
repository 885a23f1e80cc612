package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan issue as the App recorded it. {@code issueBody} is the text the plan was accepted from:
 * ownership checks read their rules from it, never from a pull request's head.
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
    String trackingCommentBody) {

  public StoredPlan {
    shared = List.copyOf(shared);
  }

  public StoredPlan withState(PlanState newState) {
    return new StoredPlan(repository, issue, newState, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody);
  }

  public StoredPlan withTrackingComment(long id, String body) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, Optional.of(id), body);
  }

  public StoredPlan withFinishedAt(Instant at) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, Optional.of(at), trackingCommentId, trackingCommentBody);
  }
}
