package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GitHub account as a payload names it: the event's {@code sender}, or a pull request's
 * {@code user}. Both fields are empty strings when the payload has no such account.
 *
 * @param type {@code User}, {@code Bot} or {@code Organization}, as GitHub writes it
 */
public record Account(String login, String type) {

  static Account from(JsonNode account) {
    return new Account(account.path("login").asText(""), account.path("type").asText(""));
  }

  /** Any bot, the App itself included: bots never start plans or give commands. */
  public boolean isBot() {
    return type.equals("Bot") || login.endsWith("[bot]");
  }

  /**
   * An App's bot user, like the App's own pull requests show: of type {@code Bot} and with a login
   * ending in {@code [bot]}, which no person can register.
   */
  public boolean isAppBotUser() {
    return type.equals("Bot") && login.endsWith("[bot]");
  }
}
