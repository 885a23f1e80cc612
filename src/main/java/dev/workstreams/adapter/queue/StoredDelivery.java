package dev.workstreams.adapter.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** A delivery's state as read back for handling; its payload is read separately, when needed. */
record StoredDelivery(
    long seq,
    String deliveryId,
    String event,
    Optional<String> action,
    OptionalLong installationId,
    Optional<String> repository,
    Optional<String> subject,
    Instant receivedAt,
    String state,
    int failures) {

  boolean isPending() {
    return DeliveryBatchInsert.STATE_PENDING.equals(state);
  }
}
