package dev.workstreams.adapter.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** A delivery as read back for handling. */
record StoredDelivery(
    long seq,
    String deliveryId,
    String event,
    Optional<String> action,
    OptionalLong installationId,
    Optional<String> repository,
    Optional<String> subject,
    byte[] payload,
    Instant receivedAt,
    String state,
    int failures) {

  boolean isPending() {
    return DeliveryBatchInsert.STATE_PENDING.equals(state);
  }
}
