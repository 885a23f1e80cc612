package dev.workstreams.adapter.git;

/**
 * The name and e-mail written as author and committer of the commits the app makes. GitHub
 * attributes a commit to an App's bot user when the e-mail is the bot's noreply address.
 */
public record BotIdentity(String name, String email) {

  public BotIdentity {
    if (name == null || name.isBlank() || email == null || email.isBlank()) {
      throw new IllegalArgumentException("a bot identity needs a name and an e-mail");
    }
  }

  /**
   * The identity GitHub shows as the App: {@code <slug>[bot]} with the noreply address of the
   * bot user whose id is {@code botUserId} (the id of the user {@code <slug>[bot]}, not the App id).
   */
  public static BotIdentity forApp(String appSlug, long botUserId) {
    String login = appSlug + "[bot]";
    return new BotIdentity(login, botUserId + "+" + login + "@users.noreply.github.com");
  }
}
