package dev.workstreams;

import dev.workstreams.adapter.actions.ActionsAgents;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.agent.RemoteAgents;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.dashboard.OAuthClient;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.config.RepoConfigLoader;
import dev.workstreams.adapter.github.gateway.RestGitHubGateways;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.adapter.store.JdbcActionsAttempts;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.adapter.store.JdbcRevisionStore;
import dev.workstreams.adapter.github.gateway.RestFollowThroughGateways;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.web.dashboard.Dashboard;
import dev.workstreams.port.AgentWorkers;
import dev.workstreams.port.Planner;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.OwnEvents;
import dev.workstreams.workflow.actions.CollectAgentRunWhenCompleted;
import dev.workstreams.workflow.actions.ResumeAgentsWhenPermissionsAccepted;
import dev.workstreams.workflow.config.RefreshConfigOnPush;
import dev.workstreams.workflow.followthrough.FollowThroughWorkflows;
import dev.workstreams.workflow.followthrough.StartRevisionsWhenTriggered;
import dev.workstreams.workflow.ownership.OwnershipWorkflows;
import dev.workstreams.workflow.plans.AgentReports;
import dev.workstreams.workflow.plans.PlanWorkflows;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.preview.BaseConflicts;
import dev.workstreams.workflow.preview.PreviewWorkflows;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App wired in construction order: database, plan store, router, the reactions that act on
 * GitHub as the App, agents, then the server (job queue and web). {@link Main} calls it with what
 * the environment says; the end-to-end tests call it with a fake GitHub's clients.
 */
public final class AppAssembly implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AppAssembly.class);

  /**
   * What the App is assembled from.
   *
   * @param clock the workflows' clock (label and finish times, agent reports)
   * @param clientsFor installation clients acting as the given App (endpoints, politeness, metrics)
   * @param credentials the App the environment names; absent in setup mode, until the setup stores one
   * @param localRemote tests: agents clone from and push to a local repository instead of GitHub
   * @param withoutAgents what moves a plan forward without agents: nothing in production, a recorder in tests
   */
  public record Options(ServerConfig config, Clock clock, PrometheusMeterRegistry registry,
      Function<AppCredentials, GitHubClients> clientsFor, Optional<AppCredentials> credentials,
      AgentProfiles profiles, AgentSandbox sandbox, Optional<LocalRemote> localRemote, PlanProgress withoutAgents,
      Optional<OAuthClient> oauthClient) {

    /** No agents, GitHub as the remote, plans moved forward by people. */
    public static Options of(ServerConfig config, Clock clock, PrometheusMeterRegistry registry,
        Function<AppCredentials, GitHubClients> clientsFor, Optional<AppCredentials> credentials) {
      return new Options(config, clock, registry, clientsFor, credentials, AgentProfiles.none(),
          AgentSandbox.unavailable("no AGENTS_FILE"), Optional.empty(), PlanProgress.NONE, Optional.empty());
    }

    public Options withAgents(AgentProfiles profiles, AgentSandbox sandbox) {
      return new Options(config, clock, registry, clientsFor, credentials, profiles, sandbox, localRemote, withoutAgents,
          oauthClient);
    }

    public Options withLocalRemote(LocalRemote remote) {
      return new Options(config, clock, registry, clientsFor, credentials, profiles, sandbox, Optional.of(remote),
          withoutAgents, oauthClient);
    }

    public Options withProgressWithoutAgents(PlanProgress progress) {
      return new Options(config, clock, registry, clientsFor, credentials, profiles, sandbox, localRemote, progress,
          oauthClient);
    }

    /** The dashboard's OAuth client from the environment ({@code GITHUB_CLIENT_ID}, {@code GITHUB_CLIENT_SECRET}). */
    public Options withOAuthClient(Optional<OAuthClient> client) {
      return new Options(config, clock, registry, clientsFor, credentials, profiles, sandbox, localRemote, withoutAgents,
          client);
    }
  }

  /**
   * A local repository standing in for GitHub's git side, with the secrets to redact from agents'
   * logs and a short kill grace, so tests of agents run fast.
   */
  public record LocalRemote(Path repository, List<String> secrets, Duration killGrace) {}

  private final Options options;
  private final JdbcPlanStore store;
  private final JdbcActionsAttempts actionsAttempts;
  private final JdbcRevisionStore revisions;
  private final EventRouter router;
  private final AgentReports reports;
  private volatile Optional<ActionsAgents> actionsAgents = Optional.empty();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private final WorkstreamsServer server;

  private AppAssembly(Options options) {
    this.options = options;
    ServerConfig config = options.config();
    Database database = WorkstreamsServer.openDatabase(config);
    store = new JdbcPlanStore(database.dataSource());
    actionsAttempts = new JdbcActionsAttempts(database.dataSource());
    revisions = new JdbcRevisionStore(database.dataSource());
    router = new EventRouter()
        .on("ping", context -> log.info("GitHub ping received: {}", context.payload().path("zen").asText()));
    WorkstreamsServer.Intake intake = WorkstreamsServer.intake(config, options.registry(), database, router);
    reports = new AgentReports(new OwnEvents(intake.inbox(), options.clock()), store, options.clock());
    options.credentials().ifPresent(this::actAsApp);
    Dashboard dashboard = DashboardAssembly.dashboard(config, database, store, options.clock(), options.registry(),
        new OwnEvents(intake.inbox(), options.clock()), options.profiles(),
        options.localRemote().map(LocalRemote::secrets).orElse(List.of()));
    options.credentials().ifPresent(c -> DashboardAssembly.open(dashboard, options.oauthClient(), Optional.empty(), c));
    // The one binding that must stay late: a setup completed while the server runs adds the
    // reactions that act on GitHub as the new App to the running router, without a restart.
    server = WorkstreamsServer.start(intake, registration -> {
      actAsApp(registration.credentials());
      DashboardAssembly.open(dashboard, options.oauthClient(), Optional.of(registration), registration.credentials());
    }, Optional.of(dashboard));
  }

  /** Starts the App; closing it stops the agents and then the server. */
  public static AppAssembly start(Options options) {
    return new AppAssembly(options);
  }

  /** Registers the reactions that act on GitHub as the App (EventRouter takes registrations while it routes). */
  private void actAsApp(AppCredentials credentials) {
    GitHubClients clients = options.clientsFor().apply(credentials);
    WorkingCopies copies = new WorkingCopies(options.config().dataDir());
    Optional<AgentWorkers> workers = options.profiles().isEmpty() ? Optional.empty() : Optional.of(pool(clients, copies));
    RepoConfigLoader configs = new RepoConfigLoader(clients, new RepoConfigParser());
    RestGitHubGateways gateways = new RestGitHubGateways(clients);
    Planner planner = AgentAssembly.planner(options.profiles(), options.config(), options.sandbox(), options.localRemote(),
        clients, options.clock(), copies);
    PlanProgress progress = PlanWorkflows.registerWithRevisions(router, store, gateways, configs, options.clock(), workers,
        options.withoutAgents(), new StartRevisionsWhenTriggered(store, revisions), planner);
    FollowThroughWorkflows.register(router, store, revisions, gateways, new RestFollowThroughGateways(clients), configs,
        progress, options.clock());
    OwnershipWorkflows.register(router, store, gateways);
    PreviewWorkflows.register(router, store, gateways, configs,
        AgentAssembly.integrationBranches(options.localRemote(), clients, copies), BaseConflicts.REPORT);
    router.on("push", new RefreshConfigOnPush(configs));
  }

  private AgentWorkerPool pool(GitHubClients clients, WorkingCopies copies) {
    RemoteAgents remote = RemoteAgents.NONE;
    if (options.profiles().anyOnActions()) {
      ActionsAgents actions = AgentAssembly.actions(options.profiles(), options.config(), options.localRemote(), clients,
          store, actionsAttempts, copies, options.clock(), reports);
      router.on("workflow_run.completed", new CollectAgentRunWhenCompleted(actions));
      router.on("installation.new_permissions_accepted", new ResumeAgentsWhenPermissionsAccepted(actions.permission()));
      closeables.add(every(Duration.ofSeconds(30), "actions-runs", actions::sweep));
      actionsAgents = Optional.of(actions);
      remote = actions;
    }
    AgentWorkerPool pool = AgentAssembly.pool(options.profiles(), options.config(), options.sandbox(),
        options.localRemote(), clients, store, options.clock(), reports, copies, remote);
    closeables.add(pool);
    closeables.add(sweepSilentAgents(reports));
    return pool;
  }

  /** Runs {@code task} now and again on a daemon thread of its own; closing stops it. */
  private static AutoCloseable every(Duration period, String name, Runnable task) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(task, period.toSeconds(), period.toSeconds(), TimeUnit.SECONDS);
    return timer::shutdownNow;
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

  public WorkstreamsServer server() {
    return server;
  }

  /** The router, for tests that add handlers of their own beside the App's. */
  public EventRouter router() {
    return router;
  }

  /** The agents on Actions, when a profile sends any there: for tests that sweep without waiting 30 s. */
  public Optional<ActionsAgents> actionsAgents() {
    return actionsAgents;
  }

  /** The agents' reports, for tests that sweep for silent agents without waiting a minute. */
  public AgentReports reports() {
    return reports;
  }

  /** Blocks until {@link #close()} has run. */
  public void awaitStop() throws InterruptedException {
    server.awaitStop();
  }

  @Override
  public void close() {
    closeables.forEach(AppAssembly::closeQuietly);
    server.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("shutting down: {}", e.getMessage());
    }
  }
}
