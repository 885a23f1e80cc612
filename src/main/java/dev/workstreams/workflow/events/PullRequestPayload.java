package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code pull_request} event ({@code opened}, {@code synchronize}, {@code closed}…), read once
 * from its payload.
 *
 * @param headSha the commit the event is about: a check run goes on it
 * @param headRepository where the head branch lives; empty once a fork is deleted (GitHub then
 *     sends {@code head.repo: null})
 * @param baseRepository where the pull request wants to merge; empty when the payload does not say
 * @param mergedAt when it was merged, on a {@code closed} event that merged it
 * @param author who opened it ({@code user})
 */
public record PullRequestPayload(RepositoryId repository, int number, String title, String body, List<String> labels,
    boolean draft, boolean merged, Optional<Instant> mergedAt, Optional<Instant> closedAt, String headRef,
    String headSha, Optional<String> headRepository, Optional<String> baseRepository, Account author) {

  public PullRequestPayload {
    labels = List.copyOf(labels);
  }

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<PullRequestPayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode pr = context.payload().path("pull_request");
    JsonNode head = pr.path("head");
    return Optional.of(new PullRequestPayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        pr.path("number").asInt(),
        pr.path("title").asText(""),
        pr.path("body").asText(""),
        Fields.labelNames(pr.path("labels")),
        pr.path("draft").asBoolean(false),
        pr.path("merged").asBoolean(false),
        Fields.instant(pr.path("merged_at")),
        Fields.instant(pr.path("closed_at")),
        head.path("ref").asText(""),
        head.path("sha").asText(""),
        Fields.text(head.path("repo").path("full_name")),
        Fields.text(pr.path("base").path("repo").path("full_name")),
        Account.from(pr.path("user"))));
  }
}
