package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.events.PullRequestPayload;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code pull_request.closed} event as the lifecycle reads it: merged or only closed, and when.
 *
 * @param sameRepository whether the head branch lives in the repository itself (not in a fork)
 */
public record ClosedPullRequest(RepositoryId repository, int number, boolean merged, Optional<Instant> mergedAt, String title,
    String body, Set<String> labels, boolean draft, String headRef, boolean sameRepository) {

  public ClosedPullRequest {
    labels = Set.copyOf(labels);
  }

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<ClosedPullRequest> from(EventContext context) {
    return PullRequestPayload.from(context).map(pr -> new ClosedPullRequest(
        pr.repository(),
        pr.number(),
        pr.merged(),
        pr.merged() ? pr.mergedAt().or(pr::closedAt) : Optional.empty(),
        pr.title(),
        pr.body(),
        Set.copyOf(pr.labels()),
        pr.draft(),
        pr.headRef(),
        pr.headRepository().orElse("").equalsIgnoreCase(pr.repository().fullName())));
  }

  /** The pull request's final state, as the workstream row records it. */
  public ObservedPullRequest observed() {
    return new ObservedPullRequest(number, merged ? ObservedPullRequest.State.MERGED : ObservedPullRequest.State.CLOSED,
        title, body, labels, draft);
  }
}
