package dev.workstreams.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real {@code pull_request} payloads (octokit's examples) re-addressed to the fake repository
 * octo/hello and filled in from a pull request as the {@link FakeGitHub} holds it.
 */
public final class PullRequestEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PullRequestEvents() {}

  /** {@code action} is opened, reopened, synchronize or ready_for_review. */
  public static byte[] event(String action, ObjectNode pr, String sender, String senderType) {
    ObjectNode payload = read("pull_request-" + action + "-basic");
    ObjectNode repo = (ObjectNode) payload.path("repository");
    repo.put("full_name", "octo/hello").put("name", "hello").put("default_branch", "main");
    ((ObjectNode) repo.path("owner")).put("login", "octo");
    payload.putObject("installation").put("id", 7);
    ((ObjectNode) payload.path("sender")).put("login", sender).put("type", senderType);
    payload.put("number", pr.path("number").asInt());
    ObjectNode pull = (ObjectNode) payload.path("pull_request");
    pull.put("number", pr.path("number").asInt()).put("title", pr.path("title").asText())
        .put("body", pr.path("body").asText()).put("changed_files", pr.path("changed_files").asInt());
    ObjectNode head = (ObjectNode) pull.path("head");
    head.put("ref", pr.path("head").path("ref").asText()).put("sha", pr.path("head").path("sha").asText());
    ((ObjectNode) head.path("repo")).put("full_name", "octo/hello").put("name", "hello");
    ObjectNode base = (ObjectNode) pull.path("base");
    base.put("ref", "main");
    ((ObjectNode) base.path("repo")).put("full_name", "octo/hello").put("name", "hello");
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] synchronize(ObjectNode pr) {
    return event("synchronize", pr, "mona", "User");
  }

  private static ObjectNode read(String fixture) {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.webhook(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
