package dev.workstreams.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.port.AgentWorkers;
import dev.workstreams.workflow.ForwardingInbox;
import dev.workstreams.workflow.OwnEvents;
import dev.workstreams.workflow.plans.AgentReports;
import java.util.ArrayList;
import java.util.Optional;
import dev.workstreams.adapter.github.AppBotUser;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.config.RepoConfigLoader;
import dev.workstreams.adapter.github.gateway.RestGitHubGateways;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.http.Sleeper;
import dev.workstreams.adapter.github.http.TimedHttpConnector;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.ownership.OwnershipWorkflows;
import dev.workstreams.workflow.plans.PlanWorkflows;
import dev.workstreams.workflow.plans.support.PlanProgress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The App as production wires it (webhook route, delivery store, job queue, plan and ownership workflows, REST
 * gateway, polite pipeline) against a {@link FakeGitHub} behind WireMock.
 */
final class PlanRig implements AutoCloseable {

  private static final TestKeys KEYS = TestKeys.generate();

  final FakeGitHub github;
  final WireMockServer wiremock;
  final WorkstreamsServer server;
  final WebhookClient webhooks;
  final DeliveryTable deliveries;
  AgentReports reports;
  /** The plan issues {@link PlanProgress} was asked to move forward, in order (rigs without agents). */
  final List<Integer> advanced = new CopyOnWriteArrayList<>();

  PlanRig(Path dataDir, PolitenessPolicy policy) {
    this(dataDir, policy, new FakeGitHub());
  }

  /** A rig over an existing fake GitHub: a second App instance, or one whose database was lost. */
  PlanRig(Path dataDir, PolitenessPolicy policy, FakeGitHub github) {
    this(dataDir, policy, github, Optional.empty(), Clock.systemUTC());
  }

  /** {@code planClock} is the plan workflows' clock (label and finish times); GitHub pacing keeps real time. */
  PlanRig(Path dataDir, PolitenessPolicy policy, FakeGitHub github, Clock planClock) {
    this(dataDir, policy, github, Optional.empty(), planClock);
  }

  PlanRig(Path dataDir, PolitenessPolicy policy, FakeGitHub github, Optional<Agents> agents) {
    this(dataDir, policy, github, agents, Clock.systemUTC());
  }

  /** Agents that clone from (and push to) a local bare repository standing in for GitHub's git side. */
  record Agents(AgentProfiles profiles, Path bareRepository, int concurrency, AgentSandbox sandbox, List<String> secrets) {
    /** Unsandboxed, for tests of the agents' workflow rather than of their confinement. */
    Agents(AgentProfiles profiles, Path bareRepository, int concurrency) {
      this(profiles, bareRepository, concurrency, AgentSandbox.off(new ResourceControl.Unlimited()), List.of());
    }
  }

  final List<AutoCloseable> closeables = new ArrayList<>();

  PlanRig(Path dataDir, PolitenessPolicy policy, FakeGitHub github, Optional<Agents> agents, Clock planClock) {
    this.github = github;
    wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
    wiremock.start();
    wiremock.stubFor(any(anyUrl()).willReturn(aResponse()));
    Clock clock = Clock.systemUTC();
    GitHubEndpoints endpoints = GitHubEndpoints.of(wiremock.baseUrl());
    PolitePipeline pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(10)),
        endpoints, policy, clock, Sleeper.threadSleep(), new GitHubMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
    GitHubClients clients = GitHubClients.forApp(AppCredentials.of(1, KEYS.pkcs1Pem()), endpoints, pipeline, clock);
    String secret = TestServers.newSecret();
    Map<String, String> env = TestServers.environment(dataDir, secret);
    ForwardingInbox ownInbox = new ForwardingInbox();
    server = WorkstreamsServer.start(ServerConfig.fromEnvironment(env), dataSource -> {
      JdbcPlanStore store = new JdbcPlanStore(dataSource);
      reports = new AgentReports(new OwnEvents(ownInbox, clock), store, clock);
      Optional<AgentWorkers> workers = agents.map(a -> {
        AgentWorkerPool pool = new AgentWorkerPool(a.profiles(), a.concurrency(), new WorkingCopies(dataDir),
            new AgentRunner(dataDir, clock, Duration.ofSeconds(1), a.sandbox()), repository -> botIdentity(clients, repository),
            repository -> Remote.anonymous(a.bareRepository().toUri().toString()), repository -> a.secrets(), store, clock, reports);
        closeables.add(pool);
        return pool;
      });
      RestGitHubGateways gateways = new RestGitHubGateways(clients);
      RepoConfigLoader configs = new RepoConfigLoader(clients, new RepoConfigParser());
      EventRouter router = workers.isPresent()
          ? PlanWorkflows.register(new EventRouter(), store, gateways, configs, planClock, workers)
          : PlanWorkflows.register(new EventRouter(), store, gateways, configs, planClock,
              (gateway, plan) -> advanced.add(plan.issue()));
      return OwnershipWorkflows.register(router, store, gateways);
    });
    ownInbox.attach(server.inbox());
    webhooks = new WebhookClient(server.port(), secret);
    deliveries = DeliveryTable.h2(dataDir);
  }

  /** The App's bot as production looks it up: {@code GET /app}, then {@code GET /users/<slug>[bot]}. */
  private static BotIdentity botIdentity(GitHubClients clients, RepositoryId repository) {
    try {
      AppBotUser.Bot bot = clients.botUser().bot(repository.installationId());
      return BotIdentity.forApp(bot.slug(), bot.userId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small gap between writes and retries that take no time, so tests run fast. */
  static PolitenessPolicy quickPolicy(int failureRetries) {
    return new PolitenessPolicy(Duration.ofMillis(20), failureRetries, Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  /** Posts a signed delivery and waits until the App has handled it. */
  String deliverAndWait(String event, byte[] body) {
    String id = UUID.randomUUID().toString();
    deliverAndWait(event, id, body);
    return id;
  }

  void deliverAndWait(String event, String id, byte[] body) {
    assertEquals(202, webhooks.deliver(event, id, body).statusCode());
    Eventually.await("delivery " + id + " handled", Duration.ofSeconds(60),
        () -> "handled".equals(deliveries.state(id)) || "parked".equals(deliveries.state(id)));
    assertEquals("handled", deliveries.state(id), "delivery " + id);
  }

  /** Requests GitHub saw, leaving out installation-token requests. */
  List<ServeEvent> apiCalls() {
    return wiremock.getAllServeEvents().stream()
        .filter(e -> !e.getRequest().getUrl().startsWith("/app/")).toList();
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    server.close();
    wiremock.stop();
  }
}
