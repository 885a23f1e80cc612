package dev.workstreams.workflow.events;

import static dev.workstreams.workflow.events.Payloads.context;
import static dev.workstreams.workflow.events.Payloads.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.port.RepositoryId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueCommentPayloadTest {

  private static IssueCommentPayload read(ObjectNode payload) {
    return IssueCommentPayload.from(context("issue_comment", payload)).orElseThrow();
  }

  @Test
  void readsACommentAsGitHubSendsIt() {
    IssueCommentPayload event = read(fixture("issue_comment-created-with-installation"));

    assertEquals(RepositoryId.of(1, "Codertocat/Hello-World"), event.repository());
    assertEquals("master", event.defaultBranch());
    assertEquals(1, event.issue().number());
    assertEquals("Spelling error in the README file", event.issue().title());
    assertEquals(List.of("bug"), event.issue().labels());
    assertEquals(492700400L, event.commentId());
    assertEquals(Optional.of("You are totally right! I'll get this fixed right away."), event.commentBody());
    assertEquals(new Account("Codertocat", "User"), event.sender());
  }

  @Test
  void aCommentWithoutBodyHasNone() {
    ObjectNode nullBody = fixture("issue_comment-created-with-installation");
    ((ObjectNode) nullBody.path("comment")).putNull("body");
    ObjectNode noBody = fixture("issue_comment-created-with-installation");
    ((ObjectNode) noBody.path("comment")).remove("body");

    assertEquals(Optional.empty(), read(nullBody).commentBody());
    assertEquals(Optional.empty(), read(noBody).commentBody());
  }

  @Test
  void aBotsCommentIsMarkedAsABots() {
    ObjectNode payload = fixture("issue_comment-created-with-installation");
    ((ObjectNode) payload.path("sender")).put("login", "workstreams[bot]").put("type", "Bot");

    assertEquals(true, read(payload).sender().isBot());
  }

  @Test
  void isEmptyWithoutInstallation() {
    assertEquals(Optional.empty(), IssueCommentPayload.from(context("issue_comment", fixture("issue_comment-created-basic"))));
  }
}
