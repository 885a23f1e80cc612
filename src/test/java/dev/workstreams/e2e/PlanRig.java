package dev.workstreams.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.workstreams.AppAssembly;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.http.Sleeper;
import dev.workstreams.adapter.github.http.TimedHttpConnector;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.plans.AgentReports;
import dev.workstreams.workflow.plans.support.PlanProgress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The App as production assembles it ({@link AppAssembly}: webhook route, delivery store, job queue, plan and
 * ownership workflows, REST gateway, polite pipeline, agents) against a {@link FakeGitHub} behind WireMock.
 */
final class PlanRig implements AutoCloseable {

  private static final TestKeys KEYS = TestKeys.generate();

  final FakeGitHub github;
  final WireMockServer wiremock;
  final AppAssembly app;
  final WorkstreamsServer server;
  final WebhookClient webhooks;
  final DeliveryTable deliveries;
  final AgentReports reports;
  /** The plan issues {@link PlanProgress} was asked to move forward, in order (rigs without agents). */
  final List<Integer> advanced = new CopyOnWriteArrayList<>();

  /**
   * What a rig is made of. {@code github} may be an existing fake (a second App instance, or one whose
   * database was lost); {@code planClock} is the workflows' clock (label and finish times), while GitHub
   * pacing keeps real time.
   */
  record Setup(Path dataDir, PolitenessPolicy policy, FakeGitHub github, Optional<Agents> agents, Clock planClock) {
    static Setup of(Path dataDir, PolitenessPolicy policy) {
      return new Setup(dataDir, policy, new FakeGitHub(), Optional.empty(), Clock.systemUTC());
    }

    Setup over(FakeGitHub existing) {
      return new Setup(dataDir, policy, existing, agents, planClock);
    }

    Setup withAgents(Agents workers) {
      return new Setup(dataDir, policy, github, Optional.of(workers), planClock);
    }

    Setup withPlanClock(Clock clock) {
      return new Setup(dataDir, policy, github, agents, clock);
    }
  }

  /** Agents that clone from (and push to) a local bare repository standing in for GitHub's git side. */
  record Agents(AgentProfiles profiles, Path bareRepository, int concurrency, AgentSandbox sandbox, List<String> secrets) {
    /** Unsandboxed, for tests of the agents' workflow rather than of their confinement. */
    Agents(AgentProfiles profiles, Path bareRepository, int concurrency) {
      this(profiles, bareRepository, concurrency, AgentSandbox.off(new ResourceControl.Unlimited()), List.of());
    }
  }

  PlanRig(Setup setup) {
    this.github = setup.github();
    setup.agents().ifPresent(a -> github.gitSide = Optional.of(a.bareRepository()));
    wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
    wiremock.start();
    wiremock.stubFor(any(anyUrl()).willReturn(aResponse()));
    String secret = TestServers.newSecret();
    Map<String, String> env = TestServers.environment(setup.dataDir(), secret);
    setup.agents().ifPresent(a -> env.put("AGENT_CONCURRENCY", Integer.toString(a.concurrency())));
    app = AppAssembly.start(options(setup, ServerConfig.fromEnvironment(env), wiremock.baseUrl()));
    server = app.server();
    reports = app.reports();
    webhooks = new WebhookClient(server.port(), secret);
    deliveries = DeliveryTable.h2(setup.dataDir());
  }

  private AppAssembly.Options options(Setup setup, ServerConfig config, String fakeGitHubUrl) {
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GitHubEndpoints endpoints = GitHubEndpoints.of(fakeGitHubUrl);
    PolitePipeline pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(10)),
        endpoints, setup.policy(), clock, Sleeper.threadSleep(), new GitHubMetrics(registry));
    AppAssembly.Options options = AppAssembly.Options.of(config, setup.planClock(), registry,
            credentials -> GitHubClients.forApp(credentials, endpoints, pipeline, clock),
            Optional.of(AppCredentials.of(1, KEYS.pkcs1Pem())))
        .withProgressWithoutAgents((gateway, plan) -> advanced.add(plan.issue()));
    return setup.agents().map(a -> options.withAgents(a.profiles(), a.sandbox())
        .withLocalRemote(new AppAssembly.LocalRemote(a.bareRepository(), a.secrets(), Duration.ofSeconds(1))))
        .orElse(options);
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

  /**
   * Requests GitHub saw, leaving out installation-token requests and git's own (the radar fetching the repository:
   * here there is no git side behind the fake, so it gives up at the first request).
   */
  List<ServeEvent> apiCalls() {
    return wiremock.getAllServeEvents().stream()
        .filter(e -> !e.getRequest().getUrl().startsWith("/app/"))
        .filter(e -> !e.getRequest().getUrl().startsWith("/octo/hello.git/")).toList();
  }

  @Override
  public void close() {
    app.close();
    wiremock.stop();
  }
}
