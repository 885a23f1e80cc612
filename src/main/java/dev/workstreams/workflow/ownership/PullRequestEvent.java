package dev.workstreams.workflow.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.Optional;

/**
 * A {@code pull_request} event as the ownership workflows read it.
 *
 * @param headSha the commit the event is about: the check run goes on it
 * @param sameRepository whether the head branch lives in the repository itself (not in a fork)
 * @param authoredByAnApp whether an App's bot user opened the pull request
 */
record PullRequestEvent(RepositoryId repository, int number, String body, String headRef, String headSha,
    boolean sameRepository, boolean authoredByAnApp) {

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  static Optional<PullRequestEvent> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode pr = context.payload().path("pull_request");
    String repository = context.repository().get();
    // head.repo is null once a fork is deleted
    String headRepository = pr.path("head").path("repo").path("full_name").asText("");
    String baseRepository = pr.path("base").path("repo").path("full_name").asText(repository);
    JsonNode author = pr.path("user");
    return Optional.of(new PullRequestEvent(
        RepositoryId.of(context.installationId().getAsLong(), repository),
        pr.path("number").asInt(),
        pr.path("body").asText(""),
        pr.path("head").path("ref").asText(""),
        pr.path("head").path("sha").asText(""),
        headRepository.equalsIgnoreCase(repository) && baseRepository.equalsIgnoreCase(repository),
        author.path("type").asText().equals("Bot") && author.path("login").asText().endsWith("[bot]")));
  }
}
