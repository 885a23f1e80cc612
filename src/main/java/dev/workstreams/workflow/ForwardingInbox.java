package dev.workstreams.workflow;

import java.util.concurrent.CompletableFuture;

/**
 * The delivery inbox for the App's own events, usable before the server has built the real one:
 * the handlers that publish events are created first, the inbox they publish into afterwards.
 */
public final class ForwardingInbox implements DeliveryInbox {

  private final CompletableFuture<DeliveryInbox> target = new CompletableFuture<>();

  public void attach(DeliveryInbox inbox) {
    target.complete(inbox);
  }

  @Override
  public CompletableFuture<Receipt> accept(IncomingDelivery delivery) {
    return target.thenCompose(inbox -> inbox.accept(delivery));
  }
}
