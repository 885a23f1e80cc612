package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without APP_ID and WEBHOOK_SECRET the server still starts, and offers the App's registration. */
class SetupModeIT {
  @TempDir Path dataDir;

  @Test
  void startsWithoutCredentialsRefusesDeliveriesAndShowsTheSetupPage() {
    Map<String, String> env = TestServers.environment(dataDir, "unused");
    env.remove("APP_ID");
    env.remove("WEBHOOK_SECRET");
    try (WorkstreamsServer server = TestServers.start(env, new EventRouter())) {
      WebhookClient client = new WebhookClient(server.port(), "anything");

      HttpResponse<String> delivery = client.deliver("issues", "setup-1", Fixtures.webhook("issues-labeled-bug"));
      HttpResponse<String> home = client.get("/");

      assertEquals(503, delivery.statusCode());
      assertEquals("{\"error\":\"App not configured yet: open / to register it\"}", delivery.body());
      assertEquals(200, home.statusCode());
      assertTrue(home.body().contains("setup mode"), home.body());
      assertTrue(home.body().contains("<input type=\"hidden\" name=\"manifest\""), home.body());
      assertEquals(200, client.get("/healthz").statusCode());
      assertEquals(200, client.get("/readyz").statusCode());
    }
  }
}
