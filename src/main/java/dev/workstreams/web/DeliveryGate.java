package dev.workstreams.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.annotations.NotNull;

/**
 * The webhook route as the server sees it: {@link SetupMode}'s refusal until the App is known,
 * then the real {@link WebhookRoute}. Read on every request, so that finishing the setup opens the
 * gate (with the new webhook secret) without a restart.
 */
public final class DeliveryGate implements Handler {
  private final SetupMode setup = new SetupMode();
  private final AtomicReference<WebhookRoute> route = new AtomicReference<>();

  /** Deliveries are verified and stored from now on. */
  public void open(WebhookRoute webhook) {
    route.set(webhook);
  }

  public boolean isOpen() {
    return route.get() != null;
  }

  @Override
  public void handle(@NotNull Context ctx) throws Exception {
    WebhookRoute current = route.get();
    if (current == null) {
      setup.refuseDelivery(ctx);
    } else {
      current.handle(ctx);
    }
  }
}
