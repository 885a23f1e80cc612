package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.config.Secret;
import dev.workstreams.json.Json;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.DeliveryInbox;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook route over real HTTP with a small {@link BodyBudget}: a body that finds no room is
 * still read to its end for the signature but never kept. A 24 MiB body with a wrong signature is
 * answered 401 although the route may keep only 1 MiB, so it cannot have held it; a right one that
 * finds no room gets 503 with Retry-After; beyond the large bodies allowed to be read at once one is
 * refused unread; small signed deliveries beside a flood of large unsigned ones are still acknowledged.
 */
class BodyBudgetIT {
  private static final int LARGE = 24 * 1024 * 1024;
  private final String secret = TestServers.newSecret();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final AtomicLong peakInFlight = new AtomicLong();
  private Javalin javalin;
  private BodyBudget budget;

  @AfterEach
  void stop() {
    if (javalin != null) {
      javalin.stop();
    }
  }

  @Test
  void answersAWrongSignatureOnA24MiBBody401WithRoomForOnly1MiB() {
    WebhookClient client = start(1024 * 1024, 1024 * 1024, 1);

    HttpResponse<String> response = client.post(large(), headers("unsigned-large", "sha256=" + "0".repeat(64)));

    assertEquals(401, response.statusCode(), response.body());
    assertEquals(0, peakInFlight.get(), "nothing of the body was held");
    assertEquals(List.of(), accepted);
  }

  @Test
  void answersASignedBodyThatFindsNoRoom503WithRetryAfter() {
    WebhookClient client = start(1024 * 1024, 1024 * 1024, 1);
    byte[] body = large();

    HttpResponse<String> response = client.deliver("issues", "signed-large", body);

    assertEquals(503, response.statusCode(), response.body());
    assertEquals("10", response.headers().firstValue("Retry-After").orElse(""));
    assertEquals(List.of(), accepted);
  }

  @Test
  void keepsASignedLargeBodyThatFitsAndGivesItsRoomBack() {
    WebhookClient client = start(1024 * 1024, 32 * 1024 * 1024, 1);

    HttpResponse<String> response = client.deliver("issues", "signed-large", large());

    assertEquals(202, response.statusCode(), response.body());
    assertEquals(List.of("signed-large"), accepted);
    assertEquals(LARGE + payloadOverhead(), peakInFlight.get());
    assertEquals(0, budget.inFlight());
  }

  @Test
  void refusesALargeBodyUnreadWhenTooManyAreBeingReadAndStillTakesSmallOnes() throws IOException {
    WebhookClient client = start(1024 * 1024, 32 * 1024 * 1024, 0);

    String status;
    try (Socket socket = new Socket("127.0.0.1", javalin.port())) {
      socket.setSoTimeout(10_000);
      // Headers only: the answer comes before a byte of the body is sent.
      socket.getOutputStream().write(("POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nX-GitHub-Event: issues\r\nX-GitHub-Delivery: unread\r\n"
          + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\nContent-Length: " + LARGE + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }

    assertEquals("HTTP/1.1 503", status);
    assertEquals(202, client.deliver("issues", "small", Fixtures.webhook("issues-labeled-bug")).statusCode());
    assertEquals(List.of("small"), accepted);
  }

  @Test
  void acknowledgesSmallSignedDeliveriesWhileLargeUnsignedOnesFloodIn() throws Exception {
    WebhookClient client = start(8 * 1024 * 1024, 30 * 1024 * 1024, 4);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      byte[] flood = new byte[LARGE];
      List<Future<Integer>> unsigned = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        unsigned.add(pool.submit(() -> statusOrClosed(() -> client.post(flood, headers("flood", "sha256=" + "1".repeat(64))))));
      }
      List<Future<HttpResponse<String>>> signed = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String id = "small-" + i;
        signed.add(pool.submit(() -> client.deliver("issues", id, Fixtures.webhook("issues-labeled-bug"))));
      }
      for (Future<HttpResponse<String>> response : signed) {
        assertEquals(202, response.get().statusCode(), response.get().body());
      }
      for (Future<Integer> status : unsigned) {
        // 401 when read, 503 (or the connection closed under the client's upload) when refused unread.
        assertTrue(List.of(401, 503, -1).contains(status.get()), "status " + status.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(20, accepted.size());
    assertTrue(peakInFlight.get() <= 38L * 1024 * 1024, "peak " + peakInFlight.get());
    assertEquals(0, budget.inFlight());
  }

  private static int statusOrClosed(java.util.function.Supplier<HttpResponse<String>> post) {
    try {
      return post.get().statusCode();
    } catch (java.io.UncheckedIOException closed) {
      return -1;
    }
  }

  private WebhookClient start(long smallBytes, long largeBytes, int largeReads) {
    budget = new BodyBudget(smallBytes, largeBytes, largeReads);
    DeliveryInbox inbox = delivery -> {
      peakInFlight.accumulateAndGet(budget.inFlight(), Math::max);
      accepted.add(delivery.deliveryId());
      return CompletableFuture.completedFuture(DeliveryInbox.Receipt.STORED);
    };
    ObjectMapper json = Json.mapper();
    WebhookRoute route = new WebhookRoute(new WebhookSignature(Secret.of(secret)), inbox, json,
        new DeliveryMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), Clock.systemUTC(), budget);
    javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = WebhookRoute.MAX_BODY_BYTES;
      config.routes.post("/api/github/webhooks", route);
    }).start(0);
    return new WebhookClient(javalin.port(), secret);
  }

  /** A labelled-issue delivery padded with 24 strings of 1 MiB (one string that long would be refused). */
  private static byte[] large() {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode payload = (ObjectNode) json.readTree(Fixtures.webhook("issues-labeled-bug"));
      var padding = payload.putArray("padding");
      String mebibyte = "x".repeat(1024 * 1024);
      for (int i = 0; i < LARGE / mebibyte.length(); i++) {
        padding.add(mebibyte);
      }
      return json.writeValueAsBytes(payload);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int payloadOverhead() {
    return large().length - LARGE;
  }

  private static Map<String, String> headers(String deliveryId, String signature) {
    return Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256", signature);
  }
}
