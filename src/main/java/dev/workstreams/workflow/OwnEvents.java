package dev.workstreams.workflow;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Events the App raises itself (an agent run ended), stored and handled exactly like webhook
 * deliveries: durably, retried on failure, and in turn with the other events of the same plan.
 */
public final class OwnEvents {

  private final DeliveryInbox inbox;
  private final Clock clock;

  public OwnEvents(DeliveryInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  /** Returns once the event is stored. */
  public void publish(String event, String action, long installationId, String repository, int issue, byte[] payload) {
    IncomingDelivery delivery = new IncomingDelivery("workstreams-" + UUID.randomUUID(), event, Optional.of(action),
        OptionalLong.of(installationId), Optional.of(repository), Subject.of(Optional.of(repository), OptionalLong.of(issue)),
        payload, clock.instant());
    try {
      inbox.accept(delivery).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing the App's own event " + event + "." + action, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the App's own event " + event + "." + action + " could not be stored", e.getCause());
    }
  }
}
