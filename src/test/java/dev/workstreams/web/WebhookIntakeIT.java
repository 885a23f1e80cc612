package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventRouter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook route over real HTTP, on a running server with its embedded database. */
class WebhookIntakeIT {
  private static final byte[] LABELED = Fixtures.webhook("issues-labeled-bug");
  @TempDir static Path dataDir;
  private static String secret;
  private static WorkstreamsServer server;
  private static WebhookClient client;
  private static DeliveryTable table;
  private static final RecordingHandler handler = RecordingHandler.succeeding();
  private static final List<EventContext> contexts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    secret = TestServers.newSecret();
    EventRouter router = new EventRouter()
        .on("issues", handler)
        .on("ping", handler)
        .on("issues.labeled", contexts::add);
    server = TestServers.start(TestServers.environment(dataDir, secret), router);
    client = new WebhookClient(server.port(), secret);
    table = DeliveryTable.h2(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void acknowledgesASignedDeliveryWith202AndHandlesItOnceWithItsContext() {
    HttpResponse<String> response = client.deliver("issues", "intake-valid", LABELED);

    assertEquals(202, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"stored\""), response.body());
    Eventually.await("delivery handled", Duration.ofSeconds(10), () -> "handled".equals(table.state("intake-valid")));
    assertEquals(1, handler.callsFor("intake-valid"));
    EventContext context = contexts.stream().filter(c -> c.deliveryId().equals("intake-valid")).findFirst().orElseThrow();
    assertEquals("issues.labeled", context.name());
    assertEquals("Codertocat/Hello-World", context.repository().orElseThrow());
    assertEquals("bug", context.payload().path("label").path("name").asText());
  }

  @Test
  void answersARedeliveryOfAHandledDelivery202AndDoesNotHandleItAgain() {
    client.deliver("issues", "intake-redelivered", LABELED);
    Eventually.await("first delivery handled", Duration.ofSeconds(10), () -> "handled".equals(table.state("intake-redelivered")));
    Eventually.await("its job done", Duration.ofSeconds(10),
        () -> table.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", "intake-redelivered") == 0);

    HttpResponse<String> again = client.deliver("issues", "intake-redelivered", LABELED);

    assertEquals(202, again.statusCode());
    assertTrue(again.body().contains("\"duplicate\""), again.body());
    assertEquals(0, table.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", "intake-redelivered"));
    assertEquals(1, handler.callsFor("intake-redelivered"));
  }

  @Test
  void storesAndHandlesPingLikeAnyDelivery() {
    HttpResponse<String> response = client.deliver("ping", "intake-ping", Fixtures.webhook("ping-none-hello"));

    assertEquals(202, response.statusCode());
    Eventually.await("ping handled", Duration.ofSeconds(10), () -> handler.callsFor("intake-ping") == 1);
  }

  @Test
  void refusesAMissingSignatureWith401() {
    assertRefused(401, "intake-unsigned", Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "intake-unsigned"));
  }

  @Test
  void refusesAWrongSignatureWith401() {
    assertRefused(401, "intake-wrong", headers("intake-wrong", "sha256=" + "0".repeat(64)));
  }

  @Test
  void refusesTheSha1FormWith401() {
    String hex = client.sign(LABELED).substring("sha256=".length());
    assertRefused(401, "intake-sha1", headers("intake-sha1", "sha1=" + hex));
  }

  @Test
  void refusesATruncatedSignatureWith401() {
    String signature = client.sign(LABELED);
    assertRefused(401, "intake-truncated", headers("intake-truncated", signature.substring(0, signature.length() - 1)));
  }

  @Test
  void refusesASignatureMadeWithAnotherSecretWith401() {
    String other = new WebhookClient(server.port(), TestServers.newSecret()).sign(LABELED);
    assertRefused(401, "intake-other-secret", headers("intake-other-secret", other));
  }

  @Test
  void refusesASignatureOverReserializedJsonWith401() throws Exception {
    ObjectMapper json = new ObjectMapper();
    byte[] reserialized = json.writeValueAsBytes(json.readTree(LABELED));
    assertTrue(reserialized.length != LABELED.length, "the fixture must change when re-serialized");

    assertRefused(401, "intake-reserialized", headers("intake-reserialized", client.sign(reserialized)));
  }

  @Test
  void refusesAMissingEventHeaderWith400() {
    assertRefused(400, "intake-no-event", Map.of("X-GitHub-Delivery", "intake-no-event", "X-Hub-Signature-256", client.sign(LABELED)));
  }

  @Test
  void refusesAMissingDeliveryHeaderWith400() {
    HttpResponse<String> response = client.post(LABELED, Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", client.sign(LABELED)));

    assertEquals(400, response.statusCode());
  }

  @Test
  void refusesASignedBodyThatIsNotJsonWith400() {
    byte[] body = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = client.post(body, Map.of(
        "X-GitHub-Event", "issues", "X-GitHub-Delivery", "intake-form", "X-Hub-Signature-256", client.sign(body)));

    assertEquals(400, response.statusCode());
    assertEquals(null, table.state("intake-form"));
  }

  @Test
  void acceptsADeliveryLargerThanJavalinsDefaultLimit() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode payload = (ObjectNode) json.readTree(LABELED);
    payload.put("padding", "x".repeat(3_000_000));
    byte[] body = json.writeValueAsBytes(payload);

    HttpResponse<String> response = client.deliver("issues", "intake-3mb", body);

    assertEquals(202, response.statusCode(), response.body());
  }

  @Test
  void storesARepeatedDeliveryOnceAndHandlesItOnceUnderTwentyConcurrentPosts() throws Exception {
    List<Thread> posters = new ArrayList<>();
    List<HttpResponse<String>> responses = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      Thread poster = new Thread(() -> responses.add(client.deliver("issues", "intake-repeated", LABELED)));
      poster.start();
      posters.add(poster);
    }
    for (Thread poster : posters) {
      poster.join();
    }

    assertEquals(20, responses.stream().filter(r -> r.statusCode() == 202).count());
    assertEquals(1, responses.stream().filter(r -> r.body().contains("\"stored\"")).count());
    Eventually.await("repeated delivery handled", Duration.ofSeconds(10), () -> "handled".equals(table.state("intake-repeated")));
    assertEquals(1, table.count("SELECT COUNT(*) FROM deliveries WHERE delivery_id = ?", "intake-repeated"));
    assertEquals(1, handler.callsFor("intake-repeated"));
  }

  @Test
  void answersHealthReadinessAndMetrics() {
    assertEquals(200, client.get("/healthz").statusCode());
    assertEquals(200, client.get("/readyz").statusCode());
    client.deliver("issues", "intake-metrics", "not json".getBytes(StandardCharsets.UTF_8));

    String metrics = client.get("/metrics").body();

    assertTrue(metrics.contains("workstreams_deliveries_received_total"), metrics);
    assertTrue(metrics.contains("workstreams_deliveries_rejected_total{reason=\"json\"}"), metrics);
    assertTrue(metrics.contains("workstreams_deliveries_stored_total"), metrics);
    assertTrue(metrics.contains("workstreams_job_latency_seconds"), metrics);
    assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
    assertTrue(metrics.contains("jvm_threads_live_threads"), metrics);
    assertTrue(metrics.contains("process_cpu_usage"), metrics);
  }

  @Test
  void saysItIsRunningAtTheRoot() {
    HttpResponse<String> response = client.get("/");

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("workstreams is running"));
  }

  private static Map<String, String> headers(String deliveryId, String signature) {
    return Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256", signature);
  }

  private static void assertRefused(int status, String deliveryId, Map<String, String> headers) {
    HttpResponse<String> response = client.post(LABELED, headers);

    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"error\""), response.body());
    assertEquals(null, table.state(deliveryId), "a refused delivery is not stored");
  }
}
