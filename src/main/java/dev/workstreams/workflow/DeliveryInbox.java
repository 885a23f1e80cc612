package dev.workstreams.workflow;

import java.util.concurrent.CompletableFuture;

/**
 * Where the webhook route hands a verified delivery. The future completes once the delivery is
 * durably stored together with its job (or found to be stored already), never before: only then
 * may GitHub be told 202.
 */
public interface DeliveryInbox {

  CompletableFuture<Receipt> accept(IncomingDelivery delivery);

  enum Receipt {
    STORED,
    DUPLICATE
  }
}
