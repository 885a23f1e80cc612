package dev.workstreams.workflow.events;

import static dev.workstreams.workflow.events.Payloads.context;
import static dev.workstreams.workflow.events.Payloads.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.port.RepositoryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRequestPayloadTest {

  private static PullRequestPayload read(ObjectNode payload) {
    return PullRequestPayload.from(context("pull_request", payload)).orElseThrow();
  }

  private static ObjectNode pullRequest(ObjectNode payload) {
    return (ObjectNode) payload.path("pull_request");
  }

  @Test
  void readsAPullRequestAsGitHubSendsIt() {
    PullRequestPayload event = read(fixture("pull_request-opened-basic"));

    assertEquals(RepositoryId.of(1, "Codertocat/Hello-World"), event.repository());
    assertEquals(2, event.number());
    assertEquals("Update the README with new information.", event.title());
    assertEquals("This is a pretty simple change that we need to pull into master.", event.body());
    assertEquals(List.of("bug"), event.labels());
    assertFalse(event.draft());
    assertEquals("changes", event.headRef());
    assertEquals("ec26c3e57ca3a959ca5aad62de7213c562f8c821", event.headSha());
    assertEquals(Optional.of("Codertocat/Hello-World"), event.headRepository());
    assertEquals(Optional.of("Codertocat/Hello-World"), event.baseRepository());
    assertEquals(new Account("Codertocat", "User"), event.author());
    assertFalse(event.author().isAppBotUser());
  }

  @Test
  void readsAClosedPullRequestThatWasNotMerged() {
    PullRequestPayload event = read(fixture("pull_request-closed-basic"));

    assertFalse(event.merged());
    assertEquals(Optional.empty(), event.mergedAt());
    assertEquals(Optional.of(Instant.parse("2019-05-15T15:21:18Z")), event.closedAt());
  }

  @Test
  void readsWhenAMergedPullRequestWasMerged() {
    ObjectNode payload = fixture("pull_request-closed-basic");
    pullRequest(payload).put("merged", true).put("merged_at", "2019-05-15T15:21:17Z");

    assertTrue(read(payload).merged());
    assertEquals(Optional.of(Instant.parse("2019-05-15T15:21:17Z")), read(payload).mergedAt());
  }

  @Test
  void aTimeThatIsNotOneReadsAsNone() {
    ObjectNode payload = fixture("pull_request-closed-basic");
    pullRequest(payload).put("merged_at", "yesterday").put("closed_at", 1557933678);

    assertEquals(Optional.empty(), read(payload).mergedAt());
    assertEquals(Optional.empty(), read(payload).closedAt());
  }

  @Test
  void readsTheForkAHeadBranchLivesIn() {
    assertEquals(Optional.of("Mallory/Hello-World"), read(fixture("pull_request-opened-fork")).headRepository());
  }

  @Test
  void aDeletedForkLeavesNoHeadRepository() {
    ObjectNode payload = fixture("pull_request-opened-fork");
    ((ObjectNode) pullRequest(payload).path("head")).putNull("repo");

    assertEquals(Optional.empty(), read(payload).headRepository());
    assertEquals("changes", read(payload).headRef());
  }

  @Test
  void aPullRequestWithoutBodyReadsAsEmpty() {
    assertEquals("", read(fixture("pull_request-opened-null-body")).body());
  }

  @Test
  void anAppsBotUserIsOfTypeBotWithABotLogin() {
    ObjectNode app = fixture("pull_request-opened-basic");
    ((ObjectNode) pullRequest(app).path("user")).put("login", "workstreams[bot]").put("type", "Bot");
    ObjectNode nameOnly = fixture("pull_request-opened-basic");
    ((ObjectNode) pullRequest(nameOnly).path("user")).put("login", "evil[bot]");

    assertTrue(read(app).author().isAppBotUser());
    assertFalse(read(nameOnly).author().isAppBotUser(), "a login alone is not an App");
    assertTrue(read(nameOnly).author().isBot());
  }

  @Test
  void isEmptyWithoutInstallation() {
    assertEquals(Optional.empty(), PullRequestPayload.from(context("pull_request", fixture("pull_request-ready_for_review-basic"))));
  }
}
