package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.json.Json;
import dev.workstreams.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PayloadScanTest {
  private final PayloadScan scan = new PayloadScan(Json.mapper().getFactory());

  @Test
  void readsActionRepositoryAndIssueSubjectOfAnIssueEvent() {
    PayloadFields fields = scan.scan(Fixtures.webhook("issues-labeled-bug")).fields().orElseThrow();

    assertEquals(Optional.of("labeled"), fields.action());
    assertEquals(Optional.of("Codertocat/Hello-World"), fields.repository());
    assertEquals(Optional.of("Codertocat/Hello-World#1"), fields.subject());
    assertEquals(OptionalLong.empty(), fields.installationId());
  }

  @Test
  void readsThePullRequestNumberAndInstallation() {
    PayloadFields fields = scan.scan(Fixtures.webhook("pull_request-opened-basic")).fields().orElseThrow();

    assertEquals(Optional.of("opened"), fields.action());
    assertEquals(Optional.of("Codertocat/Hello-World#2"), fields.subject());
    assertEquals(OptionalLong.of(1), fields.installationId());
  }

  @Test
  void givesAWorkstreamPullRequestTheSubjectOfItsPlanIssue() {
    String body = new String(Fixtures.webhook("pull_request-opened-basic"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"ref\": \"changes\"", "\"ref\": \"workstreams/7-api\"");
    PayloadFields fields = scan.scan(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).fields().orElseThrow();

    assertEquals(Optional.of("Codertocat/Hello-World#7"), fields.subject());
  }

  @Test
  void givesACommentTheSubjectOfItsIssue() {
    PayloadFields fields = scan.scan(Fixtures.webhook("issue_comment-created-basic")).fields().orElseThrow();

    assertEquals(Optional.of("Codertocat/Hello-World#1"), fields.subject());
  }

  @Test
  void givesNoSubjectToEventsAboutNoIssue() {
    assertEquals(Optional.empty(), scan.scan(Fixtures.webhook("push-none-basic")).fields().orElseThrow().subject());
    PayloadFields ping = scan.scan(Fixtures.webhook("ping-none-hello")).fields().orElseThrow();
    assertEquals(Optional.empty(), ping.subject());
    assertEquals(Optional.empty(), ping.action());
  }

  @Test
  void refusesWhatIsNotExactlyOneJsonObject() {
    for (String body : new String[] {"", "not json", "[1,2]", "\"text\"", "{\"a\":1", "{\"a\":1} {\"b\":2}", "{\"a\":}"}) {
      assertTrue(scan.scan(body.getBytes(StandardCharsets.UTF_8)).fields().isEmpty(), body);
    }
  }

  @Test
  void ignoresFieldsOfTheWrongType() {
    PayloadFields fields = scan.scan(
        "{\"action\":3,\"repository\":{\"full_name\":7},\"issue\":{\"number\":\"1\"}}".getBytes(StandardCharsets.UTF_8))
        .fields().orElseThrow();

    assertEquals(Optional.empty(), fields.action());
    assertEquals(Optional.empty(), fields.repository());
    assertEquals(Optional.empty(), fields.subject());
  }

  @Test
  void refusesAStringOverTheHandlersParserLimitAnywhereInTheBody() {
    String huge = "x".repeat(Json.MAX_STRING_LENGTH + 1);
    String body = "{\"action\":\"opened\",\"deep\":{\"list\":[1,{\"text\":\"" + huge + "\"}]}}";

    String reason = refusal(body);

    assertTrue(reason.startsWith("the body is over the JSON parser's limits: String value length"), reason);
    assertParserAgrees(body);
  }

  @Test
  void refusesNestingDeeperThanTheHandlersParserAllows() {
    int depth = Json.MAX_NESTING_DEPTH + 1;
    String body = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    String reason = refusal(body);

    assertTrue(reason.contains("Document nesting depth"), reason);
    assertParserAgrees(body);
  }

  @Test
  void refusesANumberLongerThanTheHandlersParserAllows() {
    String body = "{\"a\":{\"b\":" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "}}";

    String reason = refusal(body);

    assertTrue(reason.contains("Number value length"), reason);
    assertParserAgrees(body);
  }

  @Test
  void refusesAnIssueBodyLongerThanThePlanStoreKeeps() {
    String body = "{\"action\":\"labeled\",\"issue\":{\"number\":7,\"body\":\""
        + "p".repeat(JdbcPlanStore.MAX_BODY_CHARACTERS + 1) + "\"}}";

    assertEquals("issue.body has 1000001 characters; at most 1000000 are kept", refusal(body));
  }

  @Test
  void acceptsStringsAndBodiesAtTheLimits() {
    String body = "{\"issue\":{\"number\":7,\"body\":\"" + "p".repeat(JdbcPlanStore.MAX_BODY_CHARACTERS)
        + "\"},\"n\":" + "9".repeat(Json.MAX_NUMBER_LENGTH) + "}";

    assertTrue(scan.scan(body.getBytes(StandardCharsets.UTF_8)) instanceof PayloadScan.Result.Fields);
  }

  private String refusal(String body) {
    PayloadScan.Result result = scan.scan(body.getBytes(StandardCharsets.UTF_8));
    assertTrue(result instanceof PayloadScan.Result.Refused, "not refused");
    return ((PayloadScan.Result.Refused) result).reason();
  }

  /** What intake refuses is exactly what the handlers' parser would fail on. */
  @Test
  void refusesMalformedTextInsideStringsItDoesNotDecode() {
    // Strings of a body under the string limit are skipped, not decoded: the skip must still refuse
    // what the handlers' parser refuses (a broken UTF-8 sequence, a raw control character).
    byte[] brokenUtf8 = "{\"action\":\"labeled\",\"deep\":{\"text\":\"caf\u00c3X\"}}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] controlCharacter = "{\"action\":\"labeled\",\"deep\":[\"a\u0001b\"]}".getBytes(StandardCharsets.UTF_8);

    for (byte[] body : new byte[][] {brokenUtf8, controlCharacter}) {
      assertTrue(scan.scan(body).fields().isEmpty(), new String(body, StandardCharsets.ISO_8859_1));
      assertThrows(java.io.IOException.class, () -> Json.mapper().readTree(body));
    }
  }

  private static void assertParserAgrees(String body) {
    ObjectMapper handlers = Json.mapper();
    assertThrows(java.io.IOException.class, () -> handlers.readTree(body.getBytes(StandardCharsets.UTF_8)));
  }
}
