package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed deliveries that could never be handled or stored are refused at intake with 400 and the
 * reason, instead of being stored (202) and failing every attempt until they are parked.
 */
class UnhandleableDeliveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static WorkstreamsServer server;
  private static WebhookClient client;
  private static DeliveryTable table;

  @BeforeAll
  static void start() {
    String secret = TestServers.newSecret();
    server = TestServers.start(TestServers.environment(dataDir, secret), new EventRouter());
    client = new WebhookClient(server.port(), secret);
    table = DeliveryTable.h2(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void refusesA25MillionCharacterStringOverTheParsersLimit() throws IOException {
    ObjectNode payload = labeled();
    payload.put("padding", "x".repeat(25_000_000));
    byte[] body = JSON.writeValueAsBytes(payload);
    assertTrue(body.length <= WebhookRoute.MAX_BODY_BYTES, "under the 25 MiB cap: " + body.length);

    HttpResponse<String> response = client.deliver("issues", "huge-string", body);

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("the body is over the JSON parser's limits: String value length ("), response.body());
    assertTrue(response.body().contains("exceeds the maximum allowed (20000000"), response.body());
    assertEquals(null, table.state("huge-string"), "not stored");
  }

  @Test
  void refusesATenMegabyteIssueBodyThatThePlanStoreCouldNeverKeep() throws IOException {
    ObjectNode payload = labeled();
    ((ObjectNode) payload.get("issue")).put("body", "b".repeat(10_000_000));

    HttpResponse<String> response = client.deliver("issues", "huge-issue-body", JSON.writeValueAsBytes(payload));

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("issue.body has 10000000 characters; at most 1000000 are kept"), response.body());
    assertEquals(null, table.state("huge-issue-body"), "not stored");
  }

  @Test
  void refusesAnActionWiderThanItsColumnAndNamesTheLimit() throws IOException {
    ObjectNode payload = labeled();
    payload.put("action", "a".repeat(101));

    HttpResponse<String> response = client.deliver("issues", "wide-action", JSON.writeValueAsBytes(payload));

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("action has 101 characters; at most 100 are stored"), response.body());
    assertEquals(null, table.state("wide-action"), "not stored");
  }

  @Test
  void refusesNestingDeeperThanTheParserAllows() {
    String deep = "{\"action\":\"labeled\",\"x\":" + "[".repeat(1001) + "]".repeat(1001) + "}";

    HttpResponse<String> response = client.deliver("issues", "too-deep", deep.getBytes(StandardCharsets.UTF_8));

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("nesting depth"), response.body());
    assertEquals(null, table.state("too-deep"), "not stored");
  }

  private static ObjectNode labeled() throws IOException {
    return (ObjectNode) JSON.readTree(Fixtures.webhook("issues-labeled-bug"));
  }
}
