package dev.workstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.github.setup.CredentialsFile;
import dev.workstreams.config.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentAssemblyTest {

  @TempDir Path tmp;

  @Test
  void refusesAgentsWhenBubblewrapIsMissingSayingWhy() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("DATA_DIR", tmp.toString()));

    AgentSandbox sandbox = AgentAssembly.sandbox(config, "/usr/bin:/bin", tmp.resolve("no/bwrap"));

    assertEquals("bubblewrap is not installed (no executable " + tmp.resolve("no/bwrap") + "); install the package "
        + "bubblewrap, or set AGENT_SANDBOX=off to run agents unsandboxed", sandbox.unavailable().orElseThrow());
  }

  @Test
  void runsAgentsUnsandboxedWhenTheOperatorTurnsTheSandboxOffEvenWithoutBubblewrap() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("DATA_DIR", tmp.toString(), "AGENT_SANDBOX", "off"));

    AgentSandbox sandbox = AgentAssembly.sandbox(config, "/usr/bin:/bin", tmp.resolve("no/bwrap"));

    assertTrue(sandbox.unavailable().isEmpty());
    assertFalse(sandbox.sandboxed());
  }

  @Test
  void knowsEverySecretTheServerHolds() throws Exception {
    String pem = TestKeys.generate().pkcs1Pem();
    Path key = tmp.resolve("key.pem");
    Files.writeString(key, pem);
    new CredentialsFile(tmp).store(new AppRegistration(5, "ws", "ws", "Iv1.abc", "stored-client-secret",
        Optional.of("stored-webhook-secret"), "stored-pem", URI.create("https://github.com/apps/ws")));
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("DATA_DIR", tmp.toString(), "WEBHOOK_SECRET", "env-webhook",
        "PRIVATE_KEY_PATH", key.toString(), "PRIVATE_KEY", "env\\nkey-text",
        "DATABASE_URL", "postgres://ws:db-pass%40word@db.example/ws"));

    List<String> secrets = AgentAssembly.serverSecrets(config);

    for (String secret : List.of("env-webhook", pem, "env\nkey-text", "db-pass@word", "stored-client-secret",
        "stored-webhook-secret", "stored-pem")) {
      assertTrue(secrets.contains(secret), secret + " in " + secrets.size() + " secrets");
    }
  }
}
