package dev.workstreams.web;

import io.javalin.http.Context;

/**
 * What the server answers before the App is registered (no APP_ID or WEBHOOK_SECRET): deliveries
 * cannot be verified, so they are refused with a pointer to the setup page, and {@code GET /}
 * says what is missing. The GitHub App manifest flow will take this page's place.
 */
public final class SetupMode {
  private static final String WEBHOOK_ANSWER =
      "{\"error\":\"App not configured yet: open / to register it\"}";
  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head><meta charset="utf-8"><title>workstreams: setup</title></head>
      <body>
      <h1>workstreams is in setup mode</h1>
      <p>This server has no GitHub App yet: <code>APP_ID</code> or <code>WEBHOOK_SECRET</code> is not set.
      Webhook deliveries are refused until it has one.</p>
      <p>Register a GitHub App, then start the server again with <code>APP_ID</code>,
      <code>PRIVATE_KEY</code> (or <code>PRIVATE_KEY_PATH</code>) and <code>WEBHOOK_SECRET</code> set.</p>
      </body>
      </html>
      """;

  public void refuseDelivery(Context ctx) {
    ctx.status(503).contentType("application/json").result(WEBHOOK_ANSWER);
  }

  public void page(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(PAGE);
  }
}
