package dev.workstreams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.adapter.queue.DeliveryBatchWriter;
import dev.workstreams.adapter.queue.DeliveryJobs;
import dev.workstreams.json.Json;
import dev.workstreams.adapter.queue.IntakePressure;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.config.Secret;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.web.DeliveryGate;
import dev.workstreams.web.SetupRoutes;
import dev.workstreams.web.WebServer;
import dev.workstreams.web.WebhookRoute;
import dev.workstreams.web.WebhookSignature;
import dev.workstreams.web.dashboard.Dashboard;
import dev.workstreams.workflow.DeliveryInbox;
import dev.workstreams.workflow.EventRouter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server, wired from a configuration, a database and the application's event handlers:
 * delivery intake, job queue, HTTP. {@link AppAssembly} builds one for the process; tests build
 * several, on port 0, around handlers of their own.
 */
public final class WorkstreamsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkstreamsServer.class);

  private final Database database;
  private final DeliveryBatchWriter writer;
  private final Optional<DeliveryJobs> jobs;
  private final WebServer web;
  private final JvmGcMetrics gcMetrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private WorkstreamsServer(
      Database database, DeliveryBatchWriter writer, Optional<DeliveryJobs> jobs, WebServer web, JvmGcMetrics gcMetrics) {
    this.database = database;
    this.writer = writer;
    this.jobs = jobs;
    this.web = web;
    this.gcMetrics = gcMetrics;
  }

  /** The database the server's deliveries and jobs use, pooled for the job workers and the intake. */
  public static Database openDatabase(ServerConfig config) {
    return Database.open(config.database(), config.jobs().workers() + 4);
  }

  /**
   * The server's first half, over a database opened by {@link #openDatabase} (which the server
   * closes when it stops): delivery intake and job queue, the queue not yet picking jobs. Its inbox
   * takes the App's own events, so that the handlers which publish them can be registered on the
   * router before {@link #start} lets the queue run them.
   */
  public static final class Intake {
    private final ServerConfig config;
    private final PrometheusMeterRegistry registry;
    private final Database database;
    private final DeliveryBatchWriter writer;
    private final Optional<DeliveryJobs> jobs;
    private final DeliveryMetrics metrics;
    private final Optional<AppRegistration> stored;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = Json.mapper();

    private Intake(ServerConfig config, PrometheusMeterRegistry registry, Database database, EventRouter router) {
      this.config = config;
      this.registry = registry;
      this.database = database;
      // First: a credentials file that cannot be read stops the start before any thread runs.
      this.stored = SetupAssembly.stored(config);
      this.metrics = new DeliveryMetrics(registry);
      IntakePressure pressure = new IntakePressure(clock);
      this.jobs = config.jobs().workers() == 0 ? Optional.empty() : Optional.of(
          DeliveryJobs.create(database, router, json, metrics, config.jobs(), clock, pressure, instanceName()));
      this.writer = new DeliveryBatchWriter(database, new AutodetectJdbcCustomization(database.dataSource()),
          config.jobs().subjectWaitFallback(), metrics, pressure,
          deferredSubjects -> jobs.ifPresent(j -> j.afterIntake(deferredSubjects)));
    }

    /** Where the App's own events go in, beside the webhook deliveries. */
    public DeliveryInbox inbox() {
      return writer;
    }
  }

  /** @param router the App's reactions; the job queue runs them once the server {@link #start}s */
  public static Intake intake(ServerConfig config, PrometheusMeterRegistry registry, Database database, EventRouter router) {
    return new Intake(config, registry, database, router);
  }

  /**
   * Starts the job queue, then the web server.
   *
   * @param onRegistered given the App when it comes from the setup's credentials file, at startup
   *     or when the setup completes; it adds the handlers that act on GitHub as that App
   */
  public static WorkstreamsServer start(Intake intake, Consumer<AppRegistration> onRegistered) {
    return start(intake, onRegistered, Optional.empty());
  }

  /** The same, with the dashboard served at {@code GET /} in running mode. */
  public static WorkstreamsServer start(Intake intake, Consumer<AppRegistration> onRegistered, Optional<Dashboard> dashboard) {
    ServerConfig config = intake.config;
    PrometheusMeterRegistry registry = intake.registry;
    JvmGcMetrics gcMetrics = bindJvmMetrics(registry);
    Optional<AppRegistration> stored = intake.stored;
    // Before the job queue starts, so that no stored delivery meets handlers without GitHub.
    stored.ifPresent(onRegistered);
    intake.jobs.ifPresent(DeliveryJobs::start);
    Clock clock = intake.clock;
    ObjectMapper json = intake.json;
    DeliveryBatchWriter writer = intake.writer;
    DeliveryMetrics metrics = intake.metrics;
    Database database = intake.database;
    Function<Secret, WebhookRoute> webhookFor =
        secret -> new WebhookRoute(new WebhookSignature(secret), writer, json, metrics, clock);
    DeliveryGate deliveries = new DeliveryGate();
    Optional<Secret> secret = config.isConfigured()
        ? config.webhookSecret() : stored.flatMap(registration -> webhookSecret(config, registration));
    secret.map(webhookFor).ifPresentOrElse(deliveries::open, () -> log.warn(
        "APP_ID or WEBHOOK_SECRET is not set: setup mode, webhook deliveries are refused until the App is registered"));
    // The handlers get the App first, so that the first verified delivery finds them.
    SetupRoutes setup = new SetupRoutes(SetupAssembly.flow(config, registry, clock), config.webhookPath(),
        config.publicUrl(), SetupAssembly.credentialsFile(config).path(), registration -> {
          onRegistered.accept(registration);
          webhookSecret(config, registration).map(webhookFor).ifPresent(deliveries::open);
        });
    WebServer web = WebServer.start(
        config.port(), config.webhookPath(), deliveries, setup, database::isReachable, registry::scrape, dashboard);
    return new WorkstreamsServer(database, writer, intake.jobs, web, gcMetrics);
  }

  /** The stored App's webhook secret, or {@code WEBHOOK_SECRET} where GitHub created the App without one. */
  private static Optional<Secret> webhookSecret(ServerConfig config, AppRegistration registration) {
    Optional<Secret> secret = registration.webhookSecret().map(Secret::of).or(config::webhookSecret);
    if (secret.isEmpty()) {
      log.warn("GitHub App {} (id {}): {}", registration.slug(), registration.id(), AppRegistration.NO_WEBHOOK_SECRET);
    }
    return secret;
  }

  public int port() {
    return web.port();
  }

  /** Blocks until {@link #close()} has run (from a shutdown hook, for the command line). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops in the order that loses nothing: no new requests, then the deliveries already accepted
   * are committed, then running handlers finish, then the database closes.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    web.close();
    writer.close();
    jobs.ifPresent(DeliveryJobs::close);
    database.close();
    gcMetrics.close();
    stopped.countDown();
    log.info("stopped");
  }

  private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  /** Names this process in db-scheduler's picked_by (50 characters at most) and in lease rows. */
  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String shortHost = host.length() > 24 ? host.substring(0, 24) : host;
    return shortHost + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
