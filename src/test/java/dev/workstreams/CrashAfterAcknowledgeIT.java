package dev.workstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the server runs as its own process (the command line, no handling on it),
 * acknowledges deliveries, and is killed with SIGKILL right after the last 202. A new server on
 * the same DATA_DIR must find every acknowledged delivery and handle each exactly once.
 */
class CrashAfterAcknowledgeIT {
  private static final int DELIVERIES = 60;
  @TempDir Path dataDir;

  @Test
  void handlesEveryAcknowledgedDeliveryExactlyOnceAfterTheProcessIsKilled() throws Exception {
    String secret = TestServers.newSecret();
    int port = freePort();
    Process process = startServerProcess(secret, port);
    List<String> acknowledged = new ArrayList<>();
    try {
      WebhookClient client = new WebhookClient(port, secret);
      Eventually.await("server process up", Duration.ofSeconds(30), () -> isUp(client));
      byte[] body = Fixtures.webhook("issues-labeled-bug");
      for (int i = 0; i < DELIVERIES; i++) {
        String id = UUID.randomUUID().toString();
        assertEquals(202, client.deliver("issues", id, body).statusCode());
        acknowledged.add(id);
      }
    } finally {
      process.destroyForcibly().waitFor();
    }

    RecordingHandler handler = RecordingHandler.succeeding();
    DeliveryTable table = DeliveryTable.h2(dataDir);
    try (WorkstreamsServer restarted =
        TestServers.start(TestServers.environment(dataDir, secret), new EventRouter().on("issues.labeled", handler))) {
      Eventually.await("every acknowledged delivery handled", Duration.ofSeconds(30),
          () -> acknowledged.stream().allMatch(id -> "handled".equals(table.state(id))));
      Eventually.await("no job left", Duration.ofSeconds(10), () -> table.jobs() == 0);
    }
    for (String id : acknowledged) {
      assertEquals(1, handler.callsFor(id), id);
    }
  }

  private Process startServerProcess(String secret, int port) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(
        java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName());
    Map<String, String> env = builder.environment();
    env.putAll(TestServers.environment(dataDir, secret));
    // APP_ID is set, so the server wants the App's key too (a generated one: no GitHub call is made)
    env.put("PRIVATE_KEY", TestKeys.generate().pkcs1Pem());
    env.put("PORT", Integer.toString(port));
    env.put("JOB_WORKERS", "0");
    builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
    return builder.start();
  }

  private static boolean isUp(WebhookClient client) {
    try {
      return client.get("/healthz").statusCode() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
