package dev.workstreams.port;

import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.config.RepoConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan issue as the App recorded it. {@code issueBody} is the text the plan was accepted from:
 * ownership checks read their rules from it, never from a pull request's head. {@code
 * protectedPaths} is the repository config's {@code protected} list when the plan was accepted;
 * {@code labelledByAdmin} whether an admin of the repository labelled it (and no one else edited it
 * since), which lets its tasks change the protected paths they own. {@code rejectedEdit} is what the
 * tracking comment says about a later edit of the issue that was not applied (empty when the body
 * holds the plan in force): it stays until the body is valid again, so that no other event's
 * rendering of the table drops it. {@code integrationNote} is the tracking comment's conflicts and preview sections
 * (conflict radar, integration preview; empty when there is nothing to say), kept for the same reason.
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
    List<String> protectedPaths,
    boolean labelledByAdmin,
    String rejectedEdit,
    String integrationNote) {

  public StoredPlan {
    shared = List.copyOf(shared);
    protectedPaths = List.copyOf(protectedPaths);
  }

  /** A plan without conflicts or preview to show. */
  public StoredPlan(RepositoryId repository, int issue, PlanState state, String issueBody, String baseBranch,
      int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement, Instant labelledAt,
      Optional<Instant> finishedAt, Optional<Long> trackingCommentId, String trackingCommentBody,
      List<String> protectedPaths, boolean labelledByAdmin, String rejectedEdit) {
    this(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement, labelledAt,
        finishedAt, trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin, rejectedEdit, "");
  }

  /** A plan with the default {@code protected} list, not labelled by an admin, no rejected edit pending. */
  public StoredPlan(RepositoryId repository, int issue, PlanState state, String issueBody, String baseBranch,
      int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement, Instant labelledAt,
      Optional<Instant> finishedAt, Optional<Long> trackingCommentId, String trackingCommentBody) {
    this(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement, labelledAt,
        finishedAt, trackingCommentId, trackingCommentBody, RepoConfig.DEFAULT_PROTECTED, false, "");
  }

  /** A plan whose issue body holds the plan in force: no rejected edit pending. */
  public StoredPlan(RepositoryId repository, int issue, PlanState state, String issueBody, String baseBranch,
      int maxParallel, Optional<String> agent, List<String> shared, Enforcement enforcement, Instant labelledAt,
      Optional<Instant> finishedAt, Optional<Long> trackingCommentId, String trackingCommentBody,
      List<String> protectedPaths, boolean labelledByAdmin) {
    this(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement, labelledAt,
        finishedAt, trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin, "");
  }

  public StoredPlan withState(PlanState newState) {
    return new StoredPlan(repository, issue, newState, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin, rejectedEdit, integrationNote);
  }

  public StoredPlan withTrackingComment(long id, String body) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, Optional.of(id), body, protectedPaths, labelledByAdmin, rejectedEdit, integrationNote);
  }

  public StoredPlan withFinishedAt(Instant at) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, Optional.of(at), trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin,
        rejectedEdit, integrationNote);
  }

  /** The same plan with the tracking comment's conflicts and preview sections ({@code ""}: none). */
  public StoredPlan withIntegrationNote(String note) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin, rejectedEdit,
        note);
  }

  /** The same plan with an edit of its issue that was not applied ({@code ""}: none). */
  public StoredPlan withRejectedEdit(String text) {
    return new StoredPlan(repository, issue, state, issueBody, baseBranch, maxParallel, agent, shared, enforcement,
        labelledAt, finishedAt, trackingCommentId, trackingCommentBody, protectedPaths, labelledByAdmin, text, integrationNote);
  }
}
