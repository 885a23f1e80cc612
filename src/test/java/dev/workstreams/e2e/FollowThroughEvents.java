package dev.workstreams.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real review, comment and check suite payloads (octokit's examples) re-addressed to octo/hello and a fake pull request. */
final class FollowThroughEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FollowThroughEvents() {}

  /** {@code pull_request_review.submitted} ({@code state}: changes_requested, commented, approved). */
  static byte[] review(ObjectNode pr, long reviewId, String state, String body, String reviewer, String reviewerType) {
    ObjectNode payload = read("pull_request_review-submitted-basic");
    address(payload, reviewer, reviewerType);
    ObjectNode review = (ObjectNode) payload.path("review");
    review.put("id", reviewId).put("state", state).put("body", body).put("commit_id", pr.path("head").path("sha").asText());
    ((ObjectNode) review.path("user")).put("login", reviewer).put("type", reviewerType);
    pullRequest(payload, pr);
    return bytes(payload);
  }

  /** {@code issue_comment.created} on a pull request. */
  static byte[] pullRequestComment(ObjectNode pr, long commentId, String text, String sender) {
    ObjectNode payload = read("issue_comment-created-basic");
    address(payload, sender, "User");
    ObjectNode issue = (ObjectNode) payload.path("issue");
    issue.put("number", pr.path("number").asInt());
    issue.putObject("pull_request").put("url", "https://api.github.com/repos/octo/hello/pulls/" + pr.path("number").asInt());
    ((ObjectNode) payload.path("comment")).put("body", text).put("id", commentId);
    return bytes(payload);
  }

  /** {@code check_suite.completed} of another App (Actions) on the pull request's head. */
  static byte[] checkSuiteCompleted(ObjectNode pr, long suiteId, String conclusion) {
    ObjectNode payload = read("check_suite-completed-basic");
    address(payload, "github-actions[bot]", "Bot");
    ObjectNode suite = (ObjectNode) payload.path("check_suite");
    String sha = pr.path("head").path("sha").asText();
    String ref = pr.path("head").path("ref").asText();
    suite.put("id", suiteId).put("head_sha", sha).put("after", sha).put("head_branch", ref).put("conclusion", conclusion);
    suite.putObject("app").put("id", 15368).put("slug", "github-actions").put("name", "GitHub Actions");
    ObjectNode listed = (ObjectNode) suite.path("pull_requests").get(0);
    listed.put("number", pr.path("number").asInt());
    ((ObjectNode) listed.path("head")).put("ref", ref).put("sha", sha);
    ((ObjectNode) listed.path("base")).put("ref", "main");
    return bytes(payload);
  }

  private static void pullRequest(ObjectNode payload, ObjectNode pr) {
    ObjectNode pull = (ObjectNode) payload.path("pull_request");
    pull.put("number", pr.path("number").asInt()).put("title", pr.path("title").asText()).put("body", pr.path("body").asText());
    ObjectNode head = (ObjectNode) pull.path("head");
    head.put("ref", pr.path("head").path("ref").asText()).put("sha", pr.path("head").path("sha").asText());
    ((ObjectNode) head.path("repo")).put("full_name", "octo/hello").put("name", "hello");
    ObjectNode base = (ObjectNode) pull.path("base");
    base.put("ref", "main");
    ((ObjectNode) base.path("repo")).put("full_name", "octo/hello").put("name", "hello");
  }

  private static void address(ObjectNode payload, String sender, String senderType) {
    ObjectNode repo = (ObjectNode) payload.path("repository");
    repo.put("full_name", "octo/hello").put("name", "hello").put("default_branch", "main");
    ((ObjectNode) repo.path("owner")).put("login", "octo");
    payload.putObject("installation").put("id", 7);
    ((ObjectNode) payload.path("sender")).put("login", sender).put("type", senderType);
  }

  private static ObjectNode read(String fixture) {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.webhook(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(ObjectNode payload) {
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }
}
