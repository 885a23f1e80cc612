package dev.workstreams.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.config.RepoConfigLoader;
import dev.workstreams.adapter.github.gateway.RestGitHubGateways;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.Sleeper;
import dev.workstreams.adapter.github.http.TimedHttpConnector;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.plans.PlanWorkflows;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handler that throws an {@link Error} uses up its attempts like any failure: the delivery is
 * parked after JOB_MAX_ATTEMPTS (3 in tests), and its issue gets one comment saying the App gave up,
 * through the real server, job queue, plan workflows and REST gateway against a fake GitHub.
 */
class ReportGiveUpWhenParkedIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final TestKeys KEYS = TestKeys.generate();
  private static final String MARKER = "<!-- workstreams:gave-up {\"delivery\":\"";

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"OutOfMemoryError", "StackOverflowError", "AssertionError"})
  void countsAnErrorAsAFailedAttemptParksTheDeliveryAndSaysSoOnceOnTheIssue(String kind) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EventHandler throwing = context -> {
      calls.incrementAndGet();
      throw error(kind);
    };
    FakeGitHub github = new FakeGitHub();
    try (Rig rig = new Rig(dataDir, github, router -> router.on("issues.opened", throwing))) {
      String id = rig.deliver("issues", opened());

      Eventually.await("delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(id)));
      assertEquals(3, rig.deliveries.failures(id));
      assertEquals(3, calls.get());
      Eventually.await("gave-up comment posted", PATIENCE, () -> !github.commentsOn(7).isEmpty());
      Eventually.await("gave-up event handled", PATIENCE, () -> rig.gaveUpEvents().stream()
          .allMatch(event -> "handled".equals(rig.deliveries.state(event))));
    }
    List<ObjectNode> comments = github.commentsOn(7);
    assertEquals(1, comments.size(), comments.toString());
    String body = comments.get(0).path("body").asText();
    assertTrue(body.startsWith(MARKER), body);
    assertTrue(body.contains("The App gave up on delivery `"), body);
    assertTrue(body.contains("(`issues.opened`) after 3 failed attempts; last error: `java.lang." + kind), body);
    assertEquals(2, body.lines().count(), "marker and one line: " + body);
  }

  @Test
  void aGaveUpEventThatFailsItselfIsParkedWithoutReportingAgain() throws Exception {
    RecordingHandler failing = RecordingHandler.failing();
    FakeGitHub github = new FakeGitHub();
    // Every event of the App's own fails too, the gave-up report among them.
    try (Rig rig = new Rig(dataDir, github, router -> router.on("issues.opened", failing).on("workstreams", failing))) {
      String id = rig.deliver("issues", opened());

      Eventually.await("delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(id)));
      Eventually.await("its report stored", PATIENCE, () -> rig.gaveUpEvents().size() == 1);
      String report = rig.gaveUpEvents().get(0);
      Eventually.await("the report parked in turn", PATIENCE, () -> "parked".equals(rig.deliveries.state(report)));
      // Another delivery after it is handled: by then any report of the report would be stored.
      String later = rig.deliver("issues", opened());
      Eventually.await("later delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(later)));
      Eventually.await("its report parked", PATIENCE, () -> rig.gaveUpEvents().size() == 2
          && rig.gaveUpEvents().stream().allMatch(event -> "parked".equals(rig.deliveries.state(event))));
      assertEquals(2, rig.gaveUpEvents().size(), "one report per parked webhook, none for a parked report");
    }
    assertTrue(github.commentsOn(7).isEmpty());
  }

  private static Error error(String kind) {
    return switch (kind) {
      case "OutOfMemoryError" -> new OutOfMemoryError("Java heap space");
      case "StackOverflowError" -> new StackOverflowError();
      default -> new AssertionError("an invariant broke");
    };
  }

  private static byte[] opened() {
    String labeled = new String(PlanEvents.labeled("no plan here", "bug", "octocat"), java.nio.charset.StandardCharsets.UTF_8);
    return labeled.replaceFirst("\"action\":\"labeled\"", "\"action\":\"opened\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The server with the plan workflows (where the gave-up report is registered) and extra handlers, against WireMock. */
  private static final class Rig implements AutoCloseable {
    final WireMockServer wiremock;
    final WorkstreamsServer server;
    final WebhookClient webhooks;
    final DeliveryTable deliveries;

    Rig(Path dataDir, FakeGitHub github, Consumer<EventRouter> extraHandlers) {
      wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
      wiremock.start();
      wiremock.stubFor(any(anyUrl()).willReturn(aResponse()));
      Clock clock = Clock.systemUTC();
      GitHubEndpoints endpoints = GitHubEndpoints.of(wiremock.baseUrl());
      PolitePipeline pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(10)),
          endpoints, PlanRig.quickPolicy(0), clock, Sleeper.threadSleep(),
          new GitHubMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
      GitHubClients clients = GitHubClients.forApp(AppCredentials.of(1, KEYS.pkcs1Pem()), endpoints, pipeline, clock);
      String secret = TestServers.newSecret();
      server = WorkstreamsServer.start(ServerConfig.fromEnvironment(TestServers.environment(dataDir, secret)), dataSource -> {
        RestGitHubGateways gateways = new RestGitHubGateways(clients);
        EventRouter router = PlanWorkflows.register(new EventRouter(), new JdbcPlanStore(dataSource), gateways,
            new RepoConfigLoader(clients, new RepoConfigParser()), clock, (gateway, plan) -> {});
        extraHandlers.accept(router);
        return router;
      });
      webhooks = new WebhookClient(server.port(), secret);
      deliveries = DeliveryTable.h2(dataDir);
    }

    String deliver(String event, byte[] body) {
      String id = UUID.randomUUID().toString();
      assertEquals(202, webhooks.deliver(event, id, body).statusCode());
      return id;
    }

    /** Ids of the App's own gave-up events stored so far. */
    List<String> gaveUpEvents() {
      return deliveries.ids("SELECT delivery_id FROM deliveries WHERE event = 'workstreams' AND action = 'gave_up' ORDER BY seq");
    }

    @Override
    public void close() {
      server.close();
      wiremock.stop();
    }
  }
}
