package dev.workstreams.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.adapter.queue.UnstorableDeliveryException;
import dev.workstreams.workflow.DeliveryInbox;
import dev.workstreams.workflow.IncomingDelivery;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /api/github/webhooks}: checks a delivery in the order size, headers, signature,
 * JSON, and answers 202 only once the delivery is stored. The body is read once, its HMAC computed
 * chunk by chunk as it arrives, and kept in memory only within the {@link BodyBudget}: unsigned
 * bodies cannot pile up gigabytes, nor large ones be read more than a few at a time. The request thread is released while the store commits;
 * handling happens later, from the job queue.
 */
public final class WebhookRoute implements Handler {
  /** GitHub caps webhook payloads at 25 MB; read as MiB so that no real delivery is refused. */
  public static final long MAX_BODY_BYTES = 25L * 1024 * 1024;
  /** How long a sender should wait when the budget for bodies is spent; a guess at a large body's stay. */
  static final String RETRY_AFTER_SECONDS = "10";
  private static final Logger log = LoggerFactory.getLogger(WebhookRoute.class);
  private static final int MAX_HEADER_LENGTH = 100;

  private final WebhookSignature signature;
  private final DeliveryInbox inbox;
  private final ObjectMapper json;
  private final PayloadScan payloadScan;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final BodyBudget budget;

  public WebhookRoute(
      WebhookSignature signature, DeliveryInbox inbox, ObjectMapper json, DeliveryMetrics metrics, Clock clock) {
    this(signature, inbox, json, metrics, clock, BodyBudget.defaults());
  }

  WebhookRoute(WebhookSignature signature, DeliveryInbox inbox, ObjectMapper json, DeliveryMetrics metrics, Clock clock,
      BodyBudget budget) {
    this.signature = signature;
    this.inbox = inbox;
    this.json = json;
    this.payloadScan = new PayloadScan(json.getFactory());
    this.metrics = metrics;
    this.clock = clock;
    this.budget = budget;
  }

  @Override
  public void handle(@NotNull Context ctx) throws IOException {
    metrics.received();
    String deliveryId = ctx.header("X-GitHub-Delivery");
    try (MDC.MDCCloseable ignored = MDC.putCloseable("delivery", isPlainHeader(deliveryId) ? deliveryId : "-")) {
      check(ctx, deliveryId);
    }
  }

  /** What can be refused before a byte of the body is read: its size and its headers. */
  private void check(Context ctx, String deliveryId) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      tooLarge(ctx);
      return;
    }
    String event = ctx.header("X-GitHub-Event");
    if (!isPlainHeader(event) || !isPlainHeader(deliveryId)) {
      // Closing spares reading a body that is refused whatever it holds.
      ctx.header("Connection", "close");
      reject(ctx, 400, "headers", "X-GitHub-Event and X-GitHub-Delivery are required (1 to 100 visible characters)");
      return;
    }
    Optional<byte[]> claimed = signature.claimedDigest(ctx.header("X-Hub-Signature-256"));
    if (claimed.isEmpty()) {
      ctx.header("Connection", "close");
      badSignature(ctx);
      return;
    }
    BodyBudget.Reservation room = budget.reserve(declared);
    if (!room.admitted()) {
      ctx.header("Connection", "close");
      busy(ctx, "too many large deliveries are being received at once; try again later");
      return;
    }
    boolean handedOver = false;
    try {
      handedOver = receive(ctx, deliveryId, event, declared, claimed.get(), room);
    } finally {
      if (!handedOver) {
        room.close();
      }
    }
  }

  /**
   * Reads and verifies the body; returns whether it went to the inbox, which then holds the body's
   * room until the store has answered.
   */
  private boolean receive(Context ctx, String deliveryId, String event, long declared, byte[] claimed,
      BodyBudget.Reservation room) throws IOException {
    BoundedBody.Outcome outcome = BoundedBody.read(ctx.req().getInputStream(), declared, MAX_BODY_BYTES, signature.streaming(), room);
    if (outcome instanceof BoundedBody.Outcome.TooLarge) {
      tooLarge(ctx);
      return false;
    }
    if (!(outcome instanceof BoundedBody.Outcome.Read read)) {
      reject(ctx, 400, "truncated", "the body ended before its Content-Length");
      return false;
    }
    // Decided over the whole body, in constant time, whether or not the body was kept.
    if (!WebhookSignature.matchesDigest(read.digest(), claimed)) {
      badSignature(ctx);
      return false;
    }
    if (read.body().isEmpty()) {
      busy(ctx, "too many large deliveries are being kept at once; try again later");
      return false;
    }
    PayloadScan.Result scanned = payloadScan.scan(read.body().get());
    if (scanned instanceof PayloadScan.Result.Refused refused) {
      reject(ctx, 400, "json", refused.reason());
      return false;
    }
    store(ctx, delivery(deliveryId, event, scanned.fields().orElseThrow(), read.body().get()), room);
    return true;
  }

  private void store(Context ctx, IncomingDelivery delivery, BodyBudget.Reservation room) {
    CompletableFuture<Void> answered = inbox.accept(delivery).handle((receipt, error) -> {
      room.close();
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof UnstorableDeliveryException unstorable) {
        reject(ctx, 400, "unstorable", unstorable.getMessage());
      } else if (cause != null) {
        metrics.rejected("store");
        log.warn("delivery {} not stored: {}", delivery.deliveryId(), cause.getMessage());
        answer(ctx, 503, Map.of("error", "the delivery could not be stored; try again later"));
      } else {
        accepted(ctx, delivery.deliveryId(), receipt.name().toLowerCase(Locale.ROOT));
      }
      return null;
    });
    ctx.future(() -> answered);
  }

  private IncomingDelivery delivery(String deliveryId, String event, PayloadFields fields, byte[] body) {
    return new IncomingDelivery(
        deliveryId,
        event,
        fields.action(),
        fields.installationId(),
        fields.repository(),
        fields.subject(),
        body,
        clock.instant());
  }

  private void busy(Context ctx, String message) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    reject(ctx, 503, "busy", message);
  }

  private void badSignature(Context ctx) {
    reject(ctx, 401, "signature", "X-Hub-Signature-256 is missing or does not match the body");
  }

  private void tooLarge(Context ctx) {
    // Closing the connection spares Jetty reading (and us receiving) the rest of a huge body.
    ctx.header("Connection", "close");
    reject(ctx, 413, "too_large", "the body is over " + MAX_BODY_BYTES + " bytes");
  }

  private void reject(Context ctx, int status, String reason, String message) {
    metrics.rejected(reason);
    log.info("webhook rejected with {}: {}", status, message);
    answer(ctx, status, Map.of("error", message));
  }

  private void answer(Context ctx, int status, Map<String, String> body) {
    try {
      write(ctx, status, json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a two-field JSON answer", e);
    }
  }

  /**
   * Writes the answer to the response itself rather than as Javalin's result, which Javalin copies
   * through a new buffer of the response buffer's size (8 KiB for a 60-byte answer, on every delivery).
   */
  private static void write(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json");
    try {
      ctx.outputStream().write(body);
    } catch (IOException e) {
      // The sender went away; GitHub redelivers what it did not see answered.
      log.debug("could not write the answer: {}", e.getMessage());
    }
  }

  /**
   * The 202 every stored delivery gets, written out rather than through the mapper: it is the one
   * answer on the hot path. The id passed {@link #isPlainHeader} (visible ASCII), so only a quote or
   * a backslash needs escaping.
   */
  private static void accepted(Context ctx, String deliveryId, String status) {
    StringBuilder body = new StringBuilder(deliveryId.length() + 40).append("{\"delivery\":\"");
    for (int i = 0; i < deliveryId.length(); i++) {
      char c = deliveryId.charAt(i);
      if (c == '"' || c == '\\') {
        body.append('\\');
      }
      body.append(c);
    }
    body.append("\",\"status\":\"").append(status).append("\"}");
    write(ctx, 202, body.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean isPlainHeader(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_HEADER_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
