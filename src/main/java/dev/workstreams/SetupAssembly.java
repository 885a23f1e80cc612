package dev.workstreams;

import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.setup.AppManifest;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.github.setup.CredentialsFile;
import dev.workstreams.adapter.github.setup.ManifestFlow;
import dev.workstreams.adapter.github.setup.SetupStates;
import dev.workstreams.config.ServerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Wires the manifest flow of setup mode, and finds an App a previous setup stored. */
final class SetupAssembly {
  private SetupAssembly() {}

  static ManifestFlow flow(ServerConfig config, MeterRegistry registry, Clock clock) {
    GitHubEndpoints endpoints = GitHubEndpoints.of(config.githubApiUrl());
    PolitePipeline pipeline = PolitePipeline.overHttpClient(endpoints,
        PolitenessPolicy.withMutationInterval(config.githubMutationInterval()), clock, new GitHubMetrics(registry));
    return new ManifestFlow(AppManifest.fromClasspath(), endpoints, new GitHubHttp(pipeline),
        new SetupStates(clock, new SecureRandom()), credentialsFile(config));
  }

  static CredentialsFile credentialsFile(ServerConfig config) {
    return new CredentialsFile(config.dataDir());
  }

  /**
   * The App stored by an earlier setup, unless the environment names one (the environment wins, so
   * an operator can always override the file).
   *
   * @throws IllegalStateException when the file exists but cannot be used: starting in setup mode
   *     would offer to register a second App
   */
  static Optional<AppRegistration> stored(ServerConfig config) {
    if (config.isConfigured()) {
      return Optional.empty();
    }
    try {
      return credentialsFile(config).load();
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
