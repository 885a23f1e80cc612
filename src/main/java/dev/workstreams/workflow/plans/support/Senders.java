package dev.workstreams.workflow.plans.support;

import com.fasterxml.jackson.databind.JsonNode;

/** Who caused an event. Bots, the App itself included, never start plans or give commands. */
public final class Senders {

  private Senders() {}

  public static String login(JsonNode payload) {
    return payload.path("sender").path("login").asText("");
  }

  public static boolean isBot(JsonNode payload) {
    return payload.path("sender").path("type").asText().equals("Bot") || login(payload).endsWith("[bot]");
  }
}
