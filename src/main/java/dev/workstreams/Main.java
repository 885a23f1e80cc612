package dev.workstreams;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.agent.OwnerOnly;
import dev.workstreams.adapter.agent.profile.AgentProfilesException;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.GitHubSettings;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.config.RepoConfigLoader;
import dev.workstreams.adapter.github.gateway.RestGitHubGateways;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.cli.PlanCommand;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.workflow.config.RefreshConfigOnPush;
import dev.workstreams.port.AgentWorkers;
import dev.workstreams.port.PlanStore;
import dev.workstreams.workflow.ForwardingInbox;
import dev.workstreams.workflow.OwnEvents;
import dev.workstreams.workflow.ownership.OwnershipWorkflows;
import dev.workstreams.workflow.plans.AgentReports;
import dev.workstreams.workflow.plans.PlanWorkflows;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.Optional;
import dev.workstreams.config.ConfigException;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.workflow.EventRouter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: the only place that reads configuration and wires adapters to workflows.
 * Without a subcommand it serves, so that {@code java -jar workstreams.jar} starts the App.
 */
@Command(
    name = "workstreams",
    mixinStandardHelpOptions = true,
    description = "A GitHub App that turns one labelled plan issue into parallel workstreams.",
    subcommands = {PlanCommand.class})
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve();
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Start the webhook server (also what no subcommand does).")
  int serve() throws InterruptedException {
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Optional<GitHubClients> github;
    try {
      github = githubClients(env, clock, registry);
    } catch (RuntimeException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    try {
      // A credentials file that cannot be read must stop the start, not fall back to a second setup.
      SetupAssembly.stored(config);
    } catch (IllegalStateException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    AgentProfiles profiles;
    try {
      profiles = config.agentsFile().isPresent()
          ? new AgentProfilesReader(env).read(config.agentsFile().get()) : AgentProfiles.none();
    } catch (AgentProfilesException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    try {
      OwnerOnly.folder(config.dataDir());
    } catch (IOException e) {
      System.err.println("workstreams: cannot create DATA_DIR " + config.dataDir() + ": " + e.getMessage());
      return 2;
    }
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    AgentSandbox sandbox = profiles.isEmpty() ? AgentSandbox.unavailable("no AGENTS_FILE")
        : AgentAssembly.sandbox(config, path, SandboxProbe.locate(path));
    ForwardingInbox ownInbox = new ForwardingInbox();
    List<AutoCloseable> closeables = new ArrayList<>();
    // Makes the router act on GitHub as the App: the environment's at startup, or the one setup
    // stored (at startup, or when the setup completes while the server runs).
    AtomicReference<BiConsumer<Long, GitHubClients>> actAsApp = new AtomicReference<>();
    WorkstreamsServer server = WorkstreamsServer.start(config, registry, dataSource -> {
      JdbcPlanStore store = new JdbcPlanStore(dataSource);
      AgentReports reports = new AgentReports(new OwnEvents(ownInbox, clock), store, clock);
      EventRouter router = handlers(store, Optional.empty(), Optional.empty(), clock);
      actAsApp.set((appId, clients) -> {
        Optional<AgentWorkers> workers = Optional.of(clients).filter(c -> !profiles.isEmpty()).map(c -> {
          AgentWorkerPool pool = AgentAssembly.pool(profiles, config, sandbox, c, store, clock, reports);
          closeables.add(pool);
          closeables.add(sweepSilentAgents(reports));
          return pool;
        });
        registerGitHubHandlers(router, store, clients, workers, clock);
      });
      github.ifPresent(clients -> actAsApp.get().accept(Long.parseLong(config.appId().orElse("0")), clients));
      return router;
    }, registration -> actAsApp.get().accept(registration.id(),
        appClients(registration.credentials(), env, clock, registry)));
    ownInbox.attach(server.inbox());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeables.forEach(Main::closeQuietly);
      server.close();
    }, "shutdown"));
    server.awaitStop();
    return 0;
  }

  private static AutoCloseable sweepSilentAgents(AgentReports reports) {
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "silent-agents");
      t.setDaemon(true);
      return t;
    });
    sweeper.scheduleAtFixedRate(reports::reportSilentAgents, 0, 1, TimeUnit.MINUTES);
    return sweeper::shutdownNow;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("shutting down: {}", e.getMessage());
    }
  }

  /** The App's installation clients, when APP_ID and its private key are configured. */
  static Optional<GitHubClients> githubClients(Map<String, String> env, Clock clock, PrometheusMeterRegistry registry) {
    Optional<AppCredentials> credentials = AppCredentials.fromEnvironment(env);
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(appClients(credentials.get(), env, clock, registry));
  }

  /** Installation clients for the App, with the environment's API URL and politeness. */
  static GitHubClients appClients(
      AppCredentials credentials, Map<String, String> env, Clock clock, PrometheusMeterRegistry registry) {
    GitHubSettings settings = GitHubSettings.fromEnvironment(env);
    PolitePipeline pipeline = PolitePipeline.overHttpClient(
        settings.endpoints(), settings.politeness(), clock, new GitHubMetrics(registry));
    return GitHubClients.forApp(credentials, settings.endpoints(), pipeline, clock);
  }

  /** The App's reactions to GitHub events (and to its own). */
  static EventRouter handlers(PlanStore store, Optional<GitHubClients> github, Optional<AgentWorkers> workers, Clock clock) {
    EventRouter router = new EventRouter()
        .on("ping", context -> log.info("GitHub ping received: {}", context.payload().path("zen").asText()));
    github.ifPresent(clients -> registerGitHubHandlers(router, store, clients, workers, clock));
    return router;
  }

  /**
   * The reactions that act on GitHub as the App. Added to a running router when the setup
   * completes: EventRouter takes registrations while it routes.
   */
  static void registerGitHubHandlers(
      EventRouter router, PlanStore store, GitHubClients clients, Optional<AgentWorkers> workers, Clock clock) {
    RepoConfigLoader configs = new RepoConfigLoader(clients, new RepoConfigParser());
    PlanWorkflows.register(router, store, new RestGitHubGateways(clients), configs, clock, workers);
    OwnershipWorkflows.register(router, store, new RestGitHubGateways(clients));
    router.on("push", new RefreshConfigOnPush(configs));
  }
}
