package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.JsonNode;

/** Who caused an event. Bots, the App itself included, never start plans or give commands. */
final class Senders {

  private Senders() {}

  static String login(JsonNode payload) {
    return payload.path("sender").path("login").asText("");
  }

  static boolean isBot(JsonNode payload) {
    return payload.path("sender").path("type").asText().equals("Bot") || login(payload).endsWith("[bot]");
  }
}
