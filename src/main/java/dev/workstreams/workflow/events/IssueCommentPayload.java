package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.Optional;

/**
 * An {@code issue_comment} event, read once from its payload. Pull request comments arrive as
 * these too: {@code issue} is then the pull request.
 *
 * @param defaultBranch the repository's default branch; {@code main} when the payload does not say
 * @param commentId the comment's id, which the App's reply names so it answers once
 * @param commentBody the comment's text; empty when GitHub sent none
 */
public record IssueCommentPayload(RepositoryId repository, String defaultBranch, Issue issue, long commentId,
    Optional<String> commentBody, Account sender) {

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<IssueCommentPayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode payload = context.payload();
    JsonNode comment = payload.path("comment");
    return Optional.of(new IssueCommentPayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        payload.path("repository").path("default_branch").asText("main"),
        Issue.from(payload.path("issue")),
        comment.path("id").asLong(),
        Fields.text(comment.path("body")),
        Account.from(payload.path("sender"))));
  }
}
