package dev.workstreams.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.workflow.DeliveryInbox;
import dev.workstreams.workflow.IncomingDelivery;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /api/github/webhooks}: checks a delivery in the order size, headers, signature,
 * JSON, and answers 202 only once the delivery is stored. The request thread is released while
 * the store commits; handling happens later, from the job queue.
 */
public final class WebhookRoute implements Handler {
  /** GitHub caps webhook payloads at 25 MB; read as MiB so that no real delivery is refused. */
  public static final long MAX_BODY_BYTES = 25L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(WebhookRoute.class);
  private static final int MAX_HEADER_LENGTH = 100;

  private final WebhookSignature signature;
  private final DeliveryInbox inbox;
  private final ObjectMapper json;
  private final PayloadScan payloadScan;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  public WebhookRoute(
      WebhookSignature signature, DeliveryInbox inbox, ObjectMapper json, DeliveryMetrics metrics, Clock clock) {
    this.signature = signature;
    this.inbox = inbox;
    this.json = json;
    this.payloadScan = new PayloadScan(json.getFactory());
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void handle(@NotNull Context ctx) throws IOException {
    metrics.received();
    String deliveryId = ctx.header("X-GitHub-Delivery");
    try (MDC.MDCCloseable ignored = MDC.putCloseable("delivery", isPlainHeader(deliveryId) ? deliveryId : "-")) {
      check(ctx, deliveryId);
    }
  }

  private void check(Context ctx, String deliveryId) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      tooLarge(ctx);
      return;
    }
    Optional<byte[]> read = BoundedBody.read(ctx.req().getInputStream(), declared, MAX_BODY_BYTES);
    if (read.isEmpty()) {
      tooLarge(ctx);
      return;
    }
    byte[] body = read.get();
    String event = ctx.header("X-GitHub-Event");
    if (!isPlainHeader(event) || !isPlainHeader(deliveryId)) {
      reject(ctx, 400, "headers", "X-GitHub-Event and X-GitHub-Delivery are required (1 to 100 visible characters)");
      return;
    }
    if (!signature.matches(body, ctx.header("X-Hub-Signature-256"))) {
      reject(ctx, 401, "signature", "X-Hub-Signature-256 is missing or does not match the body");
      return;
    }
    Optional<PayloadFields> fields = payloadScan.scan(body);
    if (fields.isEmpty()) {
      reject(ctx, 400, "json", "the body is not a JSON object");
      return;
    }
    store(ctx, delivery(deliveryId, event, fields.get(), body));
  }

  private void store(Context ctx, IncomingDelivery delivery) {
    CompletableFuture<Void> answered = inbox.accept(delivery).handle((receipt, error) -> {
      if (error != null) {
        metrics.rejected("store");
        log.warn("delivery {} not stored: {}", delivery.deliveryId(), error.getMessage());
        answer(ctx, 503, Map.of("error", "the delivery could not be stored; try again later"));
      } else {
        answer(ctx, 202, Map.of("delivery", delivery.deliveryId(), "status", receipt.name().toLowerCase()));
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
      ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a two-field JSON answer", e);
    }
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
