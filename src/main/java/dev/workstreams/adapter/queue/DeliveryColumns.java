package dev.workstreams.adapter.queue;

import dev.workstreams.workflow.IncomingDelivery;
import java.util.Optional;

/**
 * What a delivery's text must be for its row to be written: no longer than the deliveries table's
 * columns (the H2 widths; PostgreSQL's columns are TEXT, held to the same widths so that both
 * databases keep the same deliveries) and free of NUL, which PostgreSQL refuses in text. Checked
 * before a delivery joins a batch: one row that cannot be written would fail the whole batch, and
 * every delivery in it would be answered 503.
 */
final class DeliveryColumns {
  static final int DELIVERY_ID = 100;
  static final int EVENT = 100;
  static final int ACTION = 100;
  static final int REPOSITORY = 300;
  static final int SUBJECT = 320;

  private DeliveryColumns() {}

  /** Why the delivery's row cannot be written, naming the field and its limit; empty when it fits. */
  static Optional<String> misfit(IncomingDelivery delivery) {
    return check("the delivery id (X-GitHub-Delivery)", Optional.of(delivery.deliveryId()), DELIVERY_ID)
        .or(() -> check("the event (X-GitHub-Event)", Optional.of(delivery.event()), EVENT))
        .or(() -> check("action", delivery.action(), ACTION))
        .or(() -> check("repository.full_name", delivery.repository(), REPOSITORY))
        .or(() -> check("the subject (repository and issue number)", delivery.subject(), SUBJECT));
  }

  private static Optional<String> check(String field, Optional<String> value, int width) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (text.length() > width) {
      return Optional.of(field + " has " + text.length() + " characters; at most " + width + " are stored");
    }
    if (text.indexOf('\0') >= 0) {
      return Optional.of(field + " contains a NUL character");
    }
    return Optional.empty();
  }
}
