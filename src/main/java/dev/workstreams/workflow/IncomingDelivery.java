package dev.workstreams.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A verified webhook delivery, before it is stored: its raw body (kept byte for byte, as GitHub
 * signed it) and the fields read from it once so that storage and scheduling need not parse it
 * again.
 */
public record IncomingDelivery(
    String deliveryId,
    String event,
    Optional<String> action,
    OptionalLong installationId,
    Optional<String> repository,
    Optional<String> subject,
    byte[] body,
    Instant receivedAt) {}
