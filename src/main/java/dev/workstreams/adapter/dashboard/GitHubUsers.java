package dev.workstreams.adapter.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.Lane;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard asks GitHub on a person's behalf, with their user-to-server token: the OAuth code
 * exchange, who they are, which repositories they reach through the App's installations
 * ({@code GET /user/installations} lists only this App's), and whether they may write to one.
 */
public final class GitHubUsers {

  /** Pages read of one listing: 100 installations or repositories a page. */
  private static final int MAX_PAGES = 20;
  private static final Lane LANE = new Lane("user", false);

  private final GitHubEndpoints endpoints;
  private final GitHubHttp http;

  public GitHubUsers(GitHubEndpoints endpoints, GitHubHttp http) {
    this.endpoints = endpoints;
    this.http = http;
  }

  /** A person as GitHub names them. */
  public record User(long id, String login) {}

  /** The browser goes here to sign in; GitHub comes back to {@code redirect} with a code and the state. */
  public URI authorizeUrl(OAuthClient client, String state, String redirect) {
    return endpoints.page("/login/oauth/authorize?client_id=" + enc(client.clientId()) + "&state=" + enc(state)
        + "&redirect_uri=" + enc(redirect) + "&allow_signup=false");
  }

  /** The user-to-server token for a code GitHub handed to the callback; empty when GitHub refuses the code. */
  public Optional<String> exchange(OAuthClient client, String code, String redirect) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode()
        .put("client_id", client.clientId()).put("client_secret", client.clientSecret().reveal())
        .put("code", code).put("redirect_uri", redirect);
    HttpReply reply = http.send(LANE, "POST", endpoints.page("/login/oauth/access_token"), Optional.empty(),
        Optional.of(body.toString()));
    if (!reply.isSuccess()) {
      return Optional.empty();
    }
    // GitHub answers JSON or, for some Accept headers, a form; an error (bad or used code) comes with 200 too.
    String text = new String(reply.body(), StandardCharsets.UTF_8).strip();
    String token = text.startsWith("{") ? reply.json().path("access_token").asText("") : formField(text, "access_token");
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  public User user(String token) throws IOException {
    JsonNode json = get(endpoints.rest("/user"), token);
    return new User(json.path("id").asLong(), json.path("login").asText());
  }

  /** Every repository the person reaches through the App's installations. */
  public List<ReachableRepository> reachableRepositories(String token) throws IOException {
    List<ReachableRepository> found = new ArrayList<>();
    for (JsonNode installation : list(endpoints.rest("/user/installations?per_page=100"), token, "installations")) {
      long id = installation.path("id").asLong();
      for (JsonNode repository : list(endpoints.rest("/user/installations/" + id + "/repositories?per_page=100"), token,
          "repositories")) {
        found.add(new ReachableRepository(id, repository.path("full_name").asText()));
      }
    }
    return found;
  }

  /** Whether the person may push to the repository now, as GitHub says at this moment. */
  public boolean canWrite(String token, String fullName) throws IOException {
    HttpReply reply = http.send(LANE, "GET", endpoints.rest("/repos/" + fullName), Optional.of("token " + token),
        Optional.empty());
    if (reply.status() == 404 || reply.status() == 403) {
      return false;
    }
    JsonNode permissions = checked(reply, "/repos/" + fullName).path("permissions");
    return permissions.path("push").asBoolean(false) || permissions.path("maintain").asBoolean(false)
        || permissions.path("admin").asBoolean(false);
  }

  /** Thrown when the person's token no longer works: the session must end. */
  public static final class TokenRevoked extends IOException {
    TokenRevoked(String what) {
      super("GitHub refused the person's token for " + what);
    }
  }

  private List<JsonNode> list(URI first, String token, String field) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    Optional<URI> page = Optional.of(first);
    for (int n = 0; page.isPresent() && n < MAX_PAGES; n++) {
      HttpReply reply = http.send(LANE, "GET", page.get(), Optional.of("token " + token), Optional.empty());
      checked(reply, first.getPath()).path(field).forEach(items::add);
      page = reply.nextPage();
    }
    return items;
  }

  private JsonNode get(URI url, String token) throws IOException {
    return checked(http.send(LANE, "GET", url, Optional.of("token " + token), Optional.empty()), url.getPath());
  }

  private static JsonNode checked(HttpReply reply, String what) throws IOException {
    if (reply.status() == 401) {
      throw new TokenRevoked(what);
    }
    if (!reply.isSuccess()) {
      throw new IOException("GitHub answered " + reply.status() + " to " + what + ": " + reply.message());
    }
    return reply.json();
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
