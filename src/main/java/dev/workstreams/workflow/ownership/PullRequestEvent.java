package dev.workstreams.workflow.ownership;

import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.events.PullRequestPayload;
import java.util.Optional;

/**
 * A {@code pull_request} event as the ownership workflows read it.
 *
 * @param headSha the commit the event is about: the check run goes on it
 * @param sameRepository whether the head branch lives in the repository itself (not in a fork)
 * @param appAuthor the login of the App bot user that opened the pull request; empty when a person (or anything
 *     but an App) opened it
 */
record PullRequestEvent(RepositoryId repository, int number, String body, String headRef, String headSha,
    boolean sameRepository, Optional<String> appAuthor) {

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  static Optional<PullRequestEvent> from(EventContext context) {
    return PullRequestPayload.from(context).map(pr -> {
      String repository = pr.repository().fullName();
      boolean sameRepository = pr.headRepository().orElse("").equalsIgnoreCase(repository)
          && pr.baseRepository().orElse(repository).equalsIgnoreCase(repository);
      return new PullRequestEvent(pr.repository(), pr.number(), pr.body(), pr.headRef(), pr.headSha(), sameRepository,
          Optional.of(pr.author().login()).filter(login -> pr.author().isAppBotUser()));
    });
  }
}
