package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.testing.WebhookClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /readyz follows the database; /healthz only says the process answers. */
class ReadinessIT {

  @Test
  void answers503OnReadinessAnd200OnHealthWhenTheDatabaseDoesNotAnswer() {
    try (WebServer web = WebServer.start(0, "/api/github/webhooks", Optional.empty(), () -> false, () -> "")) {
      WebhookClient client = new WebhookClient(web.port(), "unused");

      assertEquals(503, client.get("/readyz").statusCode());
      assertEquals(200, client.get("/healthz").statusCode());
    }
  }
}
