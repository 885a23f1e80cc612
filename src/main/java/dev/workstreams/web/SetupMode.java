package dev.workstreams.web;

import io.javalin.http.Context;

/**
 * What the server answers before the App is registered (no APP_ID or WEBHOOK_SECRET): deliveries
 * cannot be verified, so they are refused with a pointer to the setup page ({@link SetupRoutes}).
 */
public final class SetupMode {
  private static final String WEBHOOK_ANSWER =
      "{\"error\":\"App not configured yet: open / to register it\"}";

  public void refuseDelivery(Context ctx) {
    ctx.status(503).contentType("application/json").result(WEBHOOK_ANSWER);
  }
}
