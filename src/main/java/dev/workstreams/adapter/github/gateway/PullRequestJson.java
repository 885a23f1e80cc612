package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.reconcile.ObservedPullRequest.State;
import java.util.HashSet;
import java.util.Set;

/** A pull request as GitHub's REST API returns it, read into what the reconciler compares. */
final class PullRequestJson {

  private PullRequestJson() {}

  static ObservedPullRequest observed(JsonNode pr) {
    Set<String> labels = new HashSet<>();
    pr.path("labels").forEach(label -> labels.add(label.path("name").asText()));
    State state = pr.path("merged_at").isTextual() || pr.path("merged").asBoolean(false)
        ? State.MERGED
        : pr.path("state").asText().equals("open") ? State.OPEN : State.CLOSED;
    return new ObservedPullRequest(
        pr.path("number").asInt(), state, pr.path("title").asText(""), pr.path("body").asText(""),
        labels, pr.path("draft").asBoolean(false));
  }
}
