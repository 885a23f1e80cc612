package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.Optional;

/**
 * A {@code pull_request_review} event ({@code submitted}, {@code dismissed}), read once from its payload.
 *
 * @param state {@code approved}, {@code changes_requested}, {@code commented} or {@code dismissed}, lower case
 * @param commitId the commit the review was made on
 * @param reviewer who wrote the review ({@code review.user})
 */
public record PullRequestReviewPayload(RepositoryId repository, String defaultBranch, int pullRequest, String headRef,
    String headSha, boolean sameRepository, long reviewId, String state, String body, String commitId, Account reviewer,
    Account sender) {

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<PullRequestReviewPayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode payload = context.payload();
    JsonNode review = payload.path("review");
    JsonNode pr = payload.path("pull_request");
    String repository = context.repository().get();
    return Optional.of(new PullRequestReviewPayload(
        RepositoryId.of(context.installationId().getAsLong(), repository),
        payload.path("repository").path("default_branch").asText("main"),
        pr.path("number").asInt(),
        pr.path("head").path("ref").asText(""),
        pr.path("head").path("sha").asText(""),
        Fields.text(pr.path("head").path("repo").path("full_name")).map(repository::equalsIgnoreCase).orElse(false),
        review.path("id").asLong(),
        review.path("state").asText("").toLowerCase(java.util.Locale.ROOT),
        review.path("body").asText(""),
        review.path("commit_id").asText(""),
        Account.from(review.path("user")),
        Account.from(payload.path("sender"))));
  }
}
