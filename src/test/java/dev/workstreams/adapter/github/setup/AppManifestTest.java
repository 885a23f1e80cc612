package dev.workstreams.adapter.github.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppManifestTest {

  private final AppManifest manifest = AppManifest.fromClasspath();

  @Test
  void fillsInTheServersAddresses() throws IOException {
    JsonNode json = new ObjectMapper().readTree(manifest.render("https://ws.example.com/", "/hooks/github"));

    assertEquals("workstreams", json.path("name").asText());
    assertEquals("https://ws.example.com", json.path("url").asText());
    assertEquals("https://ws.example.com/hooks/github", json.path("hook_attributes").path("url").asText());
    assertEquals(true, json.path("hook_attributes").path("active").asBoolean());
    assertEquals("https://ws.example.com/setup/callback", json.path("redirect_url").asText());
    assertFalse(json.toString().contains("{base_url}"));
  }

  @Test
  void asksForOnlyWhatTheDesignNeeds() throws IOException {
    JsonNode json = new ObjectMapper().readTree(manifest.render("https://ws.example.com", "/api/github/webhooks"));

    assertEquals(false, json.path("public").asBoolean(true));
    assertEquals(Map.of("contents", "write", "pull_requests", "write", "issues", "write", "checks", "write",
            "workflows", "write", "metadata", "read", "actions", "write"),
        new ObjectMapper().convertValue(json.path("default_permissions"), Map.class));
    assertEquals(List.of("issues", "issue_comment", "pull_request", "push", "pull_request_review", "check_suite", "workflow_run"),
        new ObjectMapper().convertValue(json.path("default_events"), List.class));
  }

  @Test
  void refusesAnAddressGitHubCouldNotCall() {
    assertThrows(IllegalArgumentException.class, () -> manifest.render("ws.example.com", "/api/github/webhooks"));
    assertThrows(IllegalArgumentException.class, () -> manifest.render("https://ws.example.com?x=1", "/api/github/webhooks"));
    assertThrows(IllegalArgumentException.class, () -> manifest.render("https://ws.example.com", "api/github/webhooks"));
  }
}
