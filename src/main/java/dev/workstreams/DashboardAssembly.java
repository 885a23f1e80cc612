package dev.workstreams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.Redactor;
import dev.workstreams.adapter.agent.RunLogs;
import dev.workstreams.adapter.dashboard.DashboardReads;
import dev.workstreams.adapter.dashboard.GitHubUsers;
import dev.workstreams.adapter.dashboard.OAuthClient;
import dev.workstreams.adapter.dashboard.SessionStore;
import dev.workstreams.adapter.dashboard.TokenSeal;
import dev.workstreams.adapter.dashboard.Tokens;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.config.Secret;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.json.Json;
import dev.workstreams.port.PlanStore;
import dev.workstreams.web.dashboard.Dashboard;
import dev.workstreams.web.dashboard.DashboardRequests;
import dev.workstreams.workflow.OwnEvents;
import dev.workstreams.workflow.plans.CarryOutDashboardRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the dashboard: its reads, sessions, GitHub's user endpoints, run logs, and the road its actions take. */
final class DashboardAssembly {

  private DashboardAssembly() {}

  static Dashboard dashboard(ServerConfig config, Database database, PlanStore plans, Clock clock, MeterRegistry registry,
      OwnEvents events, AgentProfiles profiles, List<String> extraSecrets) {
    GitHubEndpoints endpoints = GitHubEndpoints.of(config.githubApiUrl());
    PolitePipeline pipeline = PolitePipeline.overHttpClient(endpoints,
        PolitenessPolicy.withMutationInterval(config.githubMutationInterval()), clock, new GitHubMetrics(registry));
    SecureRandom random = new SecureRandom();
    return new Dashboard(new Dashboard.Parts(plans, new DashboardReads(database.dataSource()),
        new SessionStore(database.dataSource()), new GitHubUsers(endpoints, new GitHubHttp(pipeline)), endpoints,
        new RunLogs(config.dataDir()), () -> Redactor.expanding(logSecrets(config, profiles, extraSecrets)),
        requests(events), clock, config.publicUrl(), new Tokens(random)));
  }

  /** {@code GITHUB_CLIENT_ID} and {@code GITHUB_CLIENT_SECRET}, when both are set. */
  static Optional<OAuthClient> clientFromEnvironment(Map<String, String> env) {
    String id = env.getOrDefault("GITHUB_CLIENT_ID", "").strip();
    String secret = env.getOrDefault("GITHUB_CLIENT_SECRET", "").strip();
    return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new OAuthClient(id, Secret.of(secret)));
  }

  /** The environment's OAuth client wins over the one the setup stored, as the environment's App does. */
  static void open(Dashboard dashboard, Optional<OAuthClient> fromEnvironment, Optional<AppRegistration> stored,
      AppCredentials credentials) {
    Optional<OAuthClient> client = fromEnvironment
        .or(() -> stored.map(r -> new OAuthClient(r.clientId(), Secret.of(r.clientSecret()))));
    client.ifPresent(c -> dashboard.open(c, TokenSeal.derivedFrom(credentials.privateKey().getEncoded(), new SecureRandom())));
  }

  private static DashboardRequests requests(OwnEvents events) {
    return (repository, issue, taskId, verb, login) -> {
      ObjectNode payload = Json.mapper().createObjectNode().put("repository", repository.fullName()).put("issue", issue)
          .put("task", taskId).put("verb", verb).put("login", login)
          // A revise is keyed by this (exactly once, as a review is by its id); a redelivery carries the same one.
          .put("request", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
      events.publish(CarryOutDashboardRequest.EVENT, CarryOutDashboardRequest.ACTION, repository.installationId(),
          repository.fullName(), issue, payload.toString().getBytes(StandardCharsets.UTF_8));
    };
  }

  /** What agents' logs are redacted of when they are written: the server's secrets and the profiles' values. */
  private static List<String> logSecrets(ServerConfig config, AgentProfiles profiles, List<String> extra) {
    List<String> secrets = new ArrayList<>(AgentAssembly.serverSecrets(config));
    secrets.addAll(extra);
    for (String name : profiles.names()) {
      profiles.byName(name).ifPresent(p -> p.environment().forEach((key, value) -> {
        if (!key.equals("PATH") && !key.equals("HOME")) {
          secrets.add(value);
        }
      }));
    }
    return secrets;
  }
}
