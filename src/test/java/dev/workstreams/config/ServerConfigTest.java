package dev.workstreams.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void startsInSetupModeWithTheDesignDefaultsWhenNothingIsSet() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of());

    assertFalse(config.isConfigured());
    assertEquals(3000, config.port());
    assertEquals("/api/github/webhooks", config.webhookPath());
    assertEquals("https://api.github.com", config.githubApiUrl());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals(4, config.agentConcurrency());
    assertEquals(Duration.ofSeconds(1), config.githubMutationInterval());
    assertEquals("info", config.logLevel());
    assertTrue(config.database().jdbcUrl().startsWith("jdbc:h2:file:"));
    assertTrue(config.database().jdbcUrl().contains("/data/workstreams;"));
  }

  @Test
  void isConfiguredOnlyWithBothAppIdAndWebhookSecret() {
    assertFalse(ServerConfig.fromEnvironment(Map.of("APP_ID", "12")).isConfigured());
    assertFalse(ServerConfig.fromEnvironment(Map.of("WEBHOOK_SECRET", "s")).isConfigured());
    assertTrue(ServerConfig.fromEnvironment(Map.of("APP_ID", "12", "WEBHOOK_SECRET", "s")).isConfigured());
  }

  @Test
  void treatsEmptyValuesAsUnset() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("APP_ID", "", "PORT", " "));

    assertFalse(config.isConfigured());
    assertEquals(3000, config.port());
  }

  @Test
  void rejectsAPortThatIsNotANumberNamingTheVariable() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("PORT", "http")));

    assertEquals("PORT must be a whole number, got 'http'", error.getMessage());
  }

  @Test
  void rejectsAPortOutOfRange() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("PORT", "70000")));

    assertEquals("PORT must be between 0 and 65535, got 70000", error.getMessage());
  }

  @Test
  void rejectsAnUnknownLogLevel() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("LOG_LEVEL", "loud")));

    assertTrue(error.getMessage().startsWith("LOG_LEVEL must be one of"));
  }

  @Test
  void acceptsLogLevelsInAnyCase() {
    assertEquals("debug", ServerConfig.fromEnvironment(Map.of("LOG_LEVEL", "DEBUG")).logLevel());
  }

  @Test
  void rejectsAWebhookPathWithoutLeadingSlash() {
    assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("WEBHOOK_PATH", "hooks")));
  }

  @Test
  void turnsLiteralBackslashNInAPrivateKeyIntoNewlines() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("PRIVATE_KEY", "-----BEGIN X-----\\nabc\\n-----END X-----"));

    assertEquals("-----BEGIN X-----\nabc\n-----END X-----", config.privateKey().orElseThrow().reveal());
  }

  @Test
  void readsJobTuningInMilliseconds() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of(
        "JOB_WORKERS", "0", "JOB_RETRY_DELAY_MS", "50", "JOB_MAX_ATTEMPTS", "2", "SUBJECT_LEASE_MS", "900"));

    assertEquals(0, config.jobs().workers());
    assertEquals(Duration.ofMillis(50), config.jobs().firstRetryDelay());
    assertEquals(2, config.jobs().maxAttempts());
    assertEquals(Duration.ofMillis(900), config.jobs().leaseDuration());
  }

  @Test
  void neverShowsSecretsInItsTextForm() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of(
        "APP_ID", "1",
        "WEBHOOK_SECRET", "hook-secret-value",
        "PRIVATE_KEY", "private-key-value",
        "DATABASE_URL", "postgres://app:db-password-value@db.example:5433/ws"));

    String text = config.toString();

    assertFalse(text.contains("hook-secret-value"), text);
    assertFalse(text.contains("private-key-value"), text);
    assertFalse(text.contains("db-password-value"), text);
  }

  @Test
  void usesTheDatabaseUrlWhenGiven() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://db/ws"));

    assertEquals("jdbc:postgresql://db/ws", config.database().jdbcUrl());
    assertEquals(Optional.empty(), config.database().user());
  }

  @Test
  void sandboxesAgentsInBubblewrapUnlessTheOperatorTurnsItOff() {
    assertEquals(ServerConfig.AgentSandboxMode.BWRAP, ServerConfig.fromEnvironment(Map.of()).agentSandbox());
    assertEquals(ServerConfig.AgentSandboxMode.BWRAP,
        ServerConfig.fromEnvironment(Map.of("AGENT_SANDBOX", "bwrap")).agentSandbox());
    assertEquals(ServerConfig.AgentSandboxMode.OFF, ServerConfig.fromEnvironment(Map.of("AGENT_SANDBOX", "OFF")).agentSandbox());
  }

  @Test
  void rejectsAnyOtherSandboxNamingTheVariableAndItsValues() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("AGENT_SANDBOX", "docker")));

    assertEquals("AGENT_SANDBOX must be bwrap (the default) or off, got 'docker'", error.getMessage());
  }
}
