package dev.workstreams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.workstreams.config.ConfigException;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Everything logged at every level during a run full of failures, searched for the webhook secret. */
class SecretsStayOutOfLogsIT {
  @TempDir Path dataDir;
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void capture() {
    previousLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
    root.setLevel(previousLevel);
  }

  @Test
  void noLogLineOrExceptionMessageContainsTheWebhookSecret() {
    String secret = TestServers.newSecret();
    Map<String, String> env = TestServers.environment(dataDir, secret);
    env.put("LOG_LEVEL", "trace");
    RecordingHandler failing = RecordingHandler.failing();
    DeliveryTable table = DeliveryTable.h2(dataDir);
    try (WorkstreamsServer server = TestServers.start(env, new EventRouter().on("issues", failing))) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      WebhookClient impostor = new WebhookClient(server.port(), secret + "-not");
      byte[] body = Fixtures.webhook("issues-labeled-bug");

      impostor.deliver("issues", "secret-wrong-signature", body);
      client.post(body, Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "secret-unsigned"));
      client.deliver("issues", "secret-not-json", "{oops".getBytes(StandardCharsets.UTF_8));
      client.deliver("issues", "secret-parked", body);
      Eventually.await("failing delivery parked", Duration.ofSeconds(20), () -> "parked".equals(table.state("secret-parked")));
    }
    String configError = "";
    try {
      ServerConfig.fromEnvironment(Map.of("WEBHOOK_SECRET", secret, "PORT", secret));
    } catch (ConfigException e) {
      configError = e.getMessage();
    }

    assertTrue(captured.list.size() > 10, "the run should have logged plenty; got " + captured.list.size());
    assertTrue(captured.list.stream().anyMatch(e -> e.getLevel() == Level.WARN), "failures are logged");
    for (ILoggingEvent event : captured.list) {
      String text = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertFalse(text.contains(secret), "the secret leaked into: " + event);
    }
    assertFalse(ServerConfig.fromEnvironment(env).toString().contains(secret));
    assertFalse(configError.isEmpty());
  }
}
