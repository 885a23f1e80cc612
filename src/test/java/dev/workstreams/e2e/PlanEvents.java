package dev.workstreams.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real issue and pull request payloads (octokit's examples) re-addressed to the fake repository octo/hello, issue 7. */
public final class PlanEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanEvents() {}

  public static byte[] labeled(String body, String label, String sender) {
    ObjectNode payload = issuePayload("issues-labeled-bug", body, sender);
    ((ObjectNode) payload.path("label")).put("name", label);
    ((ObjectNode) payload.path("issue")).putArray("labels").addObject().put("name", label);
    return bytes(payload);
  }

  public static byte[] unlabeled(String body, String label, String sender) {
    ObjectNode payload = issuePayload("issues-labeled-bug", body, sender);
    payload.put("action", "unlabeled");
    ((ObjectNode) payload.path("label")).put("name", label);
    ((ObjectNode) payload.path("issue")).putArray("labels");
    return bytes(payload);
  }

  public static byte[] edited(String body, String label, String sender) {
    ObjectNode payload = issuePayload("issues-labeled-bug", body, sender);
    payload.put("action", "edited");
    payload.remove("label");
    payload.putObject("changes").putObject("body").put("from", "the old body");
    ((ObjectNode) payload.path("issue")).putArray("labels").addObject().put("name", label);
    return bytes(payload);
  }

  public static byte[] comment(String text, long commentId, String sender) {
    ObjectNode payload = read("issue_comment-created-basic");
    address(payload, sender);
    ((ObjectNode) payload.path("issue")).put("number", 7);
    ((ObjectNode) payload.path("comment")).put("body", text).put("id", commentId);
    return bytes(payload);
  }

  /** {@code pull_request.closed} for a pull request as the fake GitHub holds it (merged or not). */
  public static byte[] closed(ObjectNode pr, String sender) {
    ObjectNode payload = read("pull_request-closed-basic");
    address(payload, sender);
    payload.put("number", pr.path("number").asInt());
    ObjectNode pull = (ObjectNode) payload.path("pull_request");
    for (String field : new String[] {"number", "state", "title", "body", "draft", "merged", "merged_at", "closed_at",
        "merge_commit_sha", "labels"}) {
      if (pr.has(field)) {
        pull.set(field, pr.get(field).deepCopy());
      }
    }
    ObjectNode head = (ObjectNode) pull.path("head");
    head.put("ref", pr.path("head").path("ref").asText()).put("sha", pr.path("head").path("sha").asText());
    ((ObjectNode) head.path("repo")).put("full_name", "octo/hello").put("name", "hello");
    ObjectNode base = (ObjectNode) pull.path("base");
    base.put("ref", "main");
    ((ObjectNode) base.path("repo")).put("full_name", "octo/hello").put("name", "hello");
    return bytes(payload);
  }

  private static ObjectNode issuePayload(String fixture, String body, String sender) {
    ObjectNode payload = read(fixture);
    address(payload, sender);
    ((ObjectNode) payload.path("issue")).put("number", 7).put("body", body).put("title", "Team accounts");
    return payload;
  }

  private static void address(ObjectNode payload, String sender) {
    ObjectNode repo = (ObjectNode) payload.path("repository");
    repo.put("full_name", "octo/hello").put("name", "hello").put("default_branch", "main");
    ((ObjectNode) repo.path("owner")).put("login", "octo");
    payload.putObject("installation").put("id", 7);
    ObjectNode user = (ObjectNode) payload.path("sender");
    user.put("login", sender).put("type", "User");
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
