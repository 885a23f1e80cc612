package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.setup.AppManifest;
import dev.workstreams.adapter.github.setup.CredentialsFile;
import dev.workstreams.adapter.github.setup.ManifestFlow;
import dev.workstreams.adapter.github.setup.SetupStates;
import dev.workstreams.testing.WebhookClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /readyz follows the database; /healthz only says the process answers. */
class ReadinessIT {

  @TempDir Path dataDir;

  @Test
  void answers503OnReadinessAnd200OnHealthWhenTheDatabaseDoesNotAnswer() {
    Clock clock = Clock.systemUTC();
    GitHubEndpoints endpoints = GitHubEndpoints.of("http://127.0.0.1:9");
    PolitePipeline pipeline = PolitePipeline.overHttpClient(endpoints, PolitenessPolicy.withMutationInterval(Duration.ZERO),
        clock, new GitHubMetrics(new SimpleMeterRegistry()));
    CredentialsFile credentials = new CredentialsFile(dataDir);
    ManifestFlow flow = new ManifestFlow(AppManifest.fromClasspath(), endpoints, new GitHubHttp(pipeline),
        new SetupStates(clock, new SecureRandom()), credentials);
    SetupRoutes setup = new SetupRoutes(flow, "/api/github/webhooks", Optional.empty(), credentials.path(), registration -> { });
    try (WebServer web = WebServer.start(0, "/api/github/webhooks", new DeliveryGate(), setup, () -> false, () -> "")) {
      WebhookClient client = new WebhookClient(web.port(), "unused");

      assertEquals(503, client.get("/readyz").statusCode());
      assertEquals(200, client.get("/healthz").statusCode());
    }
  }
}
