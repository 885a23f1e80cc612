package dev.workstreams.workflow.plans.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;

/** A plan issue as an {@code issues} or {@code issue_comment} payload shows it. */
public record PlanIssue(RepositoryId repository, int number, String title, String body, String defaultBranch) {

  public static PlanIssue from(long installationId, JsonNode payload) {
    JsonNode issue = payload.path("issue");
    JsonNode repo = payload.path("repository");
    return new PlanIssue(
        RepositoryId.of(installationId, repo.path("full_name").asText()),
        issue.path("number").asInt(),
        issue.path("title").asText(""),
        issue.path("body").asText(""),
        repo.path("default_branch").asText("main"));
  }

  /** Whether the issue carries a label of this name (labels are matched as GitHub shows them). */
  public static boolean hasLabel(JsonNode payload, String label) {
    for (JsonNode l : payload.path("issue").path("labels")) {
      if (l.path("name").asText().equals(label)) {
        return true;
      }
    }
    return false;
  }
}
