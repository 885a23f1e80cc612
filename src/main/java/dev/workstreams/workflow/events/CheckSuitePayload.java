package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code check_suite} event: one App's checks on a commit. GitHub sends {@code completed} for every App's
 * suite to an App that may read checks (Actions' and other CI Apps' included), once all of that suite's runs
 * completed.
 *
 * @param app the slug of the App whose suite it is
 * @param pullRequests the open pull requests whose head is this commit, with the head they had (same repository only)
 */
public record CheckSuitePayload(RepositoryId repository, String defaultBranch, long suiteId, String headSha,
    String headBranch, String app, List<ListedPullRequest> pullRequests) {

  public CheckSuitePayload {
    pullRequests = List.copyOf(pullRequests);
  }

  public record ListedPullRequest(int number, String headSha) {}

  public static Optional<CheckSuitePayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode payload = context.payload();
    JsonNode suite = payload.path("check_suite");
    List<ListedPullRequest> prs = new ArrayList<>();
    suite.path("pull_requests").forEach(pr -> prs.add(new ListedPullRequest(pr.path("number").asInt(),
        pr.path("head").path("sha").asText(""))));
    return Optional.of(new CheckSuitePayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        payload.path("repository").path("default_branch").asText("main"),
        suite.path("id").asLong(),
        suite.path("head_sha").asText(""),
        suite.path("head_branch").asText(""),
        suite.path("app").path("slug").asText(""),
        prs));
  }
}
