package dev.workstreams.adapter.github;

import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * The environment of the App's GitHub calls (all raw, through {@code PolitePipeline}):
 * {@code GITHUB_API_URL} (default github.com) and {@code GITHUB_MUTATION_INTERVAL_MS} (default
 * 1000, GitHub's advice of a second between writes, the pipeline's gap per installation).
 */
public record GitHubSettings(GitHubEndpoints endpoints, Duration mutationInterval) {

  public static GitHubSettings fromEnvironment(Map<String, String> env) {
    String api = env.getOrDefault("GITHUB_API_URL", "").strip();
    String interval = env.getOrDefault("GITHUB_MUTATION_INTERVAL_MS", "").strip();
    long millis;
    try {
      millis = interval.isEmpty() ? 1000 : Long.parseLong(interval);
    } catch (NumberFormatException e) {
      millis = -1;
    }
    if (millis < 0) {
      throw new IllegalArgumentException("GITHUB_MUTATION_INTERVAL_MS must be a number of milliseconds (0 or more), got " + interval);
    }
    return new GitHubSettings(GitHubEndpoints.of(api.isEmpty() ? GitHubEndpoints.GITHUB_COM_API : api), Duration.ofMillis(millis));
  }

  public PolitenessPolicy politeness() {
    return PolitenessPolicy.withMutationInterval(mutationInterval);
  }
}
