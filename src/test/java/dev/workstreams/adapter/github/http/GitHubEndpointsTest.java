package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GitHubEndpointsTest {

  @Test
  void githubCom() {
    GitHubEndpoints endpoints = GitHubEndpoints.of("https://api.github.com/");

    assertEquals(URI.create("https://api.github.com"), endpoints.api());
    assertEquals(URI.create("https://api.github.com/graphql"), endpoints.graphql());
    assertEquals(URI.create("https://github.com"), endpoints.web());
    assertEquals(URI.create("https://api.github.com/app/installations/1/access_tokens"),
        endpoints.rest("/app/installations/1/access_tokens"));
    assertEquals("", endpoints.apiBasePath());
  }

  @Test
  void githubEnterpriseServer() {
    GitHubEndpoints endpoints = GitHubEndpoints.of("https://ghe.example.com/api/v3");

    assertEquals(URI.create("https://ghe.example.com/api/graphql"), endpoints.graphql());
    assertEquals(URI.create("https://ghe.example.com"), endpoints.web());
    assertEquals(URI.create("https://ghe.example.com/settings/apps/new?state=s"), endpoints.page("/settings/apps/new?state=s"));
    assertEquals("/api/v3", endpoints.apiBasePath());
  }

  @Test
  void githubEnterpriseCloudWithDataResidency() {
    GitHubEndpoints endpoints = GitHubEndpoints.of("https://api.octocorp.ghe.com");

    assertEquals(URI.create("https://octocorp.ghe.com"), endpoints.web());
    assertEquals(URI.create("https://api.octocorp.ghe.com/graphql"), endpoints.graphql());
  }

  @Test
  void anyOtherAddressServesEverything() {
    GitHubEndpoints endpoints = GitHubEndpoints.of("http://localhost:8089");

    assertEquals(URI.create("http://localhost:8089/graphql"), endpoints.graphql());
    assertEquals(URI.create("http://localhost:8089"), endpoints.web());
  }

  @Test
  void refusesWhatIsNotAnHttpUrl() {
    assertThrows(IllegalArgumentException.class, () -> GitHubEndpoints.of("api.github.com"));
    assertThrows(IllegalArgumentException.class, () -> GitHubEndpoints.of("ftp://api.github.com"));
  }
}
