package dev.workstreams.web;

import dev.workstreams.web.dashboard.Dashboard;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server: the routes of the design's table on one Javalin (Jetty) instance.
 * Before the App exists, the webhook route refuses deliveries and {@code GET /} offers the setup;
 * the {@link DeliveryGate} tells which, per request, so the setup finishes without a restart.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Javalin's and Jetty's response buffer: room for a page or a JSON answer, a quarter of Jetty's 32 KiB. */
  static final int RESPONSE_BUFFER_BYTES = 8 * 1024;

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * @param deliveries the webhook route, open once the App is known
   * @param setup the setup page and GitHub's callback
   * @param scrape Prometheus text of the current metrics
   */
  public static WebServer start(
      int port,
      String webhookPath,
      DeliveryGate deliveries,
      SetupRoutes setup,
      BooleanSupplier databaseReachable,
      Supplier<String> scrape) {
    return start(port, webhookPath, deliveries, setup, databaseReachable, scrape, Optional.empty());
  }

  /** The same, with the dashboard at {@code GET /} (and its own routes) once the App runs. */
  public static WebServer start(
      int port,
      String webhookPath,
      DeliveryGate deliveries,
      SetupRoutes setup,
      BooleanSupplier databaseReachable,
      Supplier<String> scrape,
      Optional<Dashboard> dashboard) {
    HealthRoutes health = new HealthRoutes(databaseReachable);
    Handler home = ctx -> {
      if (deliveries.isOpen() && dashboard.isPresent()) {
        dashboard.get().home(ctx);
      } else if (deliveries.isOpen()) {
        ctx.contentType("text/plain; charset=utf-8").result("workstreams is running\n");
      } else {
        setup.page(ctx);
      }
    };
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // Javalin refuses bodies over 1,000,000 bytes by default; GitHub sends up to 25 MB.
      config.http.maxRequestSize = WebhookRoute.MAX_BODY_BYTES;
      // Javalin copies every result through a new buffer of this size (Jetty's 32 KiB output buffer when
      // unset). The webhook route writes its answers itself; the pages, the JSON and /metrics still go through it.
      config.http.responseBufferSize = RESPONSE_BUFFER_BYTES;
      config.routes.post(webhookPath, deliveries);
      config.routes.get("/healthz", health::health);
      config.routes.get("/readyz", health::readiness);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get()));
      config.routes.get("/", home);
      config.routes.get("/setup/callback", setup::callback);
      dashboard.ifPresent(d -> d.register(config.routes));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).contentType("application/json").result("{\"error\":\"internal error\"}");
      });
    });
    javalin.start(port);
    log.info("listening on port {}{}", javalin.port(), deliveries.isOpen() ? "" : " in setup mode");
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
