package dev.workstreams.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server: the routes of the design's table on one Javalin (Jetty) instance.
 * The webhook route is either the real one or, before the App exists, {@link SetupMode}'s refusal.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * @param webhook the real webhook route, or empty in setup mode
   * @param scrape Prometheus text of the current metrics
   */
  public static WebServer start(
      int port,
      String webhookPath,
      Optional<WebhookRoute> webhook,
      BooleanSupplier databaseReachable,
      Supplier<String> scrape) {
    HealthRoutes health = new HealthRoutes(databaseReachable);
    SetupMode setup = new SetupMode();
    Handler deliveries = webhook.<Handler>map(route -> route).orElse(setup::refuseDelivery);
    Handler home = webhook.isPresent()
        ? ctx -> ctx.contentType("text/plain; charset=utf-8").result("workstreams is running\n")
        : setup::page;
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // Javalin refuses bodies over 1,000,000 bytes by default; GitHub sends up to 25 MB.
      config.http.maxRequestSize = WebhookRoute.MAX_BODY_BYTES;
      config.routes.post(webhookPath, deliveries);
      config.routes.get("/healthz", health::health);
      config.routes.get("/readyz", health::readiness);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get()));
      config.routes.get("/", home);
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).contentType("application/json").result("{\"error\":\"internal error\"}");
      });
    });
    javalin.start(port);
    log.info("listening on port {}{}", javalin.port(), webhook.isPresent() ? "" : " in setup mode");
    return new WebServer(javalin);
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
