package dev.workstreams.adapter.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubSettingsTest {

  @Test
  void defaultsToGitHubComAndOneSecondBetweenWrites() {
    GitHubSettings settings = GitHubSettings.fromEnvironment(Map.of());

    assertEquals(URI.create("https://api.github.com"), settings.endpoints().api());
    assertEquals(Duration.ofSeconds(1), settings.mutationInterval());
    assertEquals(Duration.ofSeconds(1), settings.politeness().mutationInterval());
  }

  @Test
  void readsTheEnvironment() {
    GitHubSettings settings = GitHubSettings.fromEnvironment(
        Map.of("GITHUB_API_URL", "https://ghe.example.com/api/v3", "GITHUB_MUTATION_INTERVAL_MS", "250"));

    assertEquals(URI.create("https://ghe.example.com/api/v3"), settings.endpoints().api());
    assertEquals(Duration.ofMillis(250), settings.mutationInterval());
  }

  @Test
  void refusesANegativeOrNonNumericInterval() {
    assertThrows(IllegalArgumentException.class, () -> GitHubSettings.fromEnvironment(Map.of("GITHUB_MUTATION_INTERVAL_MS", "-1")));
    assertEquals("GITHUB_MUTATION_INTERVAL_MS must be a number of milliseconds (0 or more), got 1s",
        assertThrows(IllegalArgumentException.class,
            () -> GitHubSettings.fromEnvironment(Map.of("GITHUB_MUTATION_INTERVAL_MS", "1s"))).getMessage());
  }
}
