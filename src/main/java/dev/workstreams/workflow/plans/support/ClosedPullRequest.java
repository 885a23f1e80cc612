package dev.workstreams.workflow.plans.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
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
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode pr = context.payload().path("pull_request");
    String repository = context.repository().get();
    Set<String> labels = new LinkedHashSet<>();
    pr.path("labels").forEach(l -> labels.add(l.path("name").asText()));
    boolean merged = pr.path("merged").asBoolean(false);
    // head.repo is null once a fork is deleted
    String headRepository = pr.path("head").path("repo").path("full_name").asText("");
    return Optional.of(new ClosedPullRequest(
        RepositoryId.of(context.installationId().getAsLong(), repository),
        pr.path("number").asInt(),
        merged,
        merged ? instant(pr.path("merged_at")).or(() -> instant(pr.path("closed_at"))) : Optional.empty(),
        pr.path("title").asText(""),
        pr.path("body").asText(""),
        labels,
        pr.path("draft").asBoolean(false),
        pr.path("head").path("ref").asText(""),
        headRepository.equalsIgnoreCase(repository)));
  }

  /** The pull request's final state, as the workstream row records it. */
  public ObservedPullRequest observed() {
    return new ObservedPullRequest(number, merged ? ObservedPullRequest.State.MERGED : ObservedPullRequest.State.CLOSED,
        title, body, labels, draft);
  }

  private static Optional<Instant> instant(JsonNode text) {
    if (!text.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
