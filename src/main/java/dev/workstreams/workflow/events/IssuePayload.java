package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.Optional;

/**
 * An {@code issues} event ({@code labeled}, {@code unlabeled}, {@code edited}…), read once from
 * its payload.
 *
 * @param defaultBranch the repository's default branch, where its config lives; {@code main} when
 *     the payload does not say
 * @param label the label added or removed, for {@code labeled} and {@code unlabeled}
 * @param bodyChanged whether an {@code edited} event changed the body (not only the title)
 */
public record IssuePayload(RepositoryId repository, String defaultBranch, Issue issue, Optional<String> label,
    Account sender, boolean bodyChanged) {

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<IssuePayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode payload = context.payload();
    return Optional.of(new IssuePayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        payload.path("repository").path("default_branch").asText("main"),
        Issue.from(payload.path("issue")),
        Fields.text(payload.path("label").path("name")),
        Account.from(payload.path("sender")),
        payload.path("changes").has("body")));
  }
}
