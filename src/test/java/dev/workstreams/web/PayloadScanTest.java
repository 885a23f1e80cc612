package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import dev.workstreams.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PayloadScanTest {
  private final PayloadScan scan = new PayloadScan(new JsonFactory());

  @Test
  void readsActionRepositoryAndIssueSubjectOfAnIssueEvent() {
    PayloadFields fields = scan.scan(Fixtures.webhook("issues-labeled-bug")).orElseThrow();

    assertEquals(Optional.of("labeled"), fields.action());
    assertEquals(Optional.of("Codertocat/Hello-World"), fields.repository());
    assertEquals(Optional.of("Codertocat/Hello-World#1"), fields.subject());
    assertEquals(OptionalLong.empty(), fields.installationId());
  }

  @Test
  void readsThePullRequestNumberAndInstallation() {
    PayloadFields fields = scan.scan(Fixtures.webhook("pull_request-opened-basic")).orElseThrow();

    assertEquals(Optional.of("opened"), fields.action());
    assertEquals(Optional.of("Codertocat/Hello-World#2"), fields.subject());
    assertEquals(OptionalLong.of(1), fields.installationId());
  }

  @Test
  void givesAWorkstreamPullRequestTheSubjectOfItsPlanIssue() {
    String body = new String(Fixtures.webhook("pull_request-opened-basic"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"ref\": \"changes\"", "\"ref\": \"workstreams/7-api\"");
    PayloadFields fields = scan.scan(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();

    assertEquals(Optional.of("Codertocat/Hello-World#7"), fields.subject());
  }

  @Test
  void givesACommentTheSubjectOfItsIssue() {
    PayloadFields fields = scan.scan(Fixtures.webhook("issue_comment-created-basic")).orElseThrow();

    assertEquals(Optional.of("Codertocat/Hello-World#1"), fields.subject());
  }

  @Test
  void givesNoSubjectToEventsAboutNoIssue() {
    assertEquals(Optional.empty(), scan.scan(Fixtures.webhook("push-none-basic")).orElseThrow().subject());
    PayloadFields ping = scan.scan(Fixtures.webhook("ping-none-hello")).orElseThrow();
    assertEquals(Optional.empty(), ping.subject());
    assertEquals(Optional.empty(), ping.action());
  }

  @Test
  void refusesWhatIsNotExactlyOneJsonObject() {
    for (String body : new String[] {"", "not json", "[1,2]", "\"text\"", "{\"a\":1", "{\"a\":1} {\"b\":2}", "{\"a\":}"}) {
      assertTrue(scan.scan(body.getBytes(StandardCharsets.UTF_8)).isEmpty(), body);
    }
  }

  @Test
  void ignoresFieldsOfTheWrongType() {
    PayloadFields fields = scan.scan(
        "{\"action\":3,\"repository\":{\"full_name\":7},\"issue\":{\"number\":\"1\"}}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow();

    assertEquals(Optional.empty(), fields.action());
    assertEquals(Optional.empty(), fields.repository());
    assertEquals(Optional.empty(), fields.subject());
  }
}
