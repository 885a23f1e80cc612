package dev.workstreams.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.auth.AppJwt;
import dev.workstreams.adapter.github.auth.InstallationTokens;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.Lane;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The App's bot user, under whose name GitHub shows the App's commits: the App's slug from {@code
 * GET /app} (App JWT), then the id of the user {@code <slug>[bot]} from {@code GET /users/<slug>[bot]}
 * (installation token: that endpoint refuses a JWT, and GitHub Enterprise in private mode refuses
 * anonymous calls). Whatever name the App was registered under, this is what it is called.
 *
 * <p>Looked up once per process; a failed lookup is not remembered, so the next run asks again.
 */
public final class AppBotUser {

  /** The bot as GitHub names it: {@code <slug>[bot]}, user id {@code userId} (not the App id). */
  public record Bot(String slug, long userId) {}

  // GitHub makes slugs from App names: lowercase letters, digits and hyphens. Anything else is not
  // put into a URL.
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private final GitHubEndpoints endpoints;
  private final GitHubHttp http;
  private final AppJwt jwt;
  private final InstallationTokens tokens;
  private volatile Bot known;

  public AppBotUser(GitHubEndpoints endpoints, GitHubHttp http, AppJwt jwt, InstallationTokens tokens) {
    this.endpoints = endpoints;
    this.http = http;
    this.jwt = jwt;
    this.tokens = tokens;
  }

  /**
   * The App's bot, looked up on the first call that succeeds (with {@code installationId}'s token for
   * the user lookup; any installation of the App will do).
   *
   * @throws IOException naming the call that failed; the next call tries again
   */
  public Bot bot(long installationId) throws IOException {
    Bot bot = known;
    if (bot != null) {
      return bot;
    }
    synchronized (this) {
      if (known == null) {
        String slug = slug();
        known = new Bot(slug, userId(slug, installationId));
      }
      return known;
    }
  }

  private String slug() throws IOException {
    HttpReply reply = http.send(Lane.app(), "GET", endpoints.rest("/app"), Optional.of("Bearer " + jwt.create()),
        Optional.empty());
    if (!reply.isSuccess()) {
      throw new IOException("GET /app for App " + jwt.appId() + " answered HTTP " + reply.status() + " " + reply.message());
    }
    JsonNode app = reply.json();
    String slug = app.path("slug").asText("");
    if (slug.isEmpty()) {
      // Older GitHub Enterprise Server answers without `slug`; its html_url ends in /apps/<slug>.
      String page = app.path("html_url").asText("");
      slug = page.substring(page.lastIndexOf('/') + 1);
    }
    if (!SLUG.matcher(slug).matches()) {
      throw new IOException("GET /app for App " + jwt.appId() + " answered no usable slug");
    }
    return slug;
  }

  private long userId(String slug, long installationId) throws IOException {
    URI url = endpoints.rest("/users/" + slug + "%5Bbot%5D");
    HttpReply reply = http.send(Lane.installation(installationId), "GET", url,
        Optional.of("token " + tokens.token(installationId)), Optional.empty());
    if (!reply.isSuccess()) {
      throw new IOException("GET /users/" + slug + "[bot] answered HTTP " + reply.status() + " " + reply.message());
    }
    JsonNode id = reply.json().path("id");
    if (!id.canConvertToLong() || id.asLong() <= 0) {
      throw new IOException("GET /users/" + slug + "[bot] answered no user id");
    }
    return id.asLong();
  }
}
