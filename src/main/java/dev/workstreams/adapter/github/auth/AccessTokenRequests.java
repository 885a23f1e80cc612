package dev.workstreams.adapter.github.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.Lane;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Creates installation tokens with {@code POST /app/installations/{id}/access_tokens}, signed
 * with the App's JWT. Goes straight to that endpoint: github-api's
 * {@code AppInstallationAuthorizationProvider} also calls {@code GET /app} and
 * {@code GET /app/installations/{id}} before every token.
 */
public final class AccessTokenRequests implements TokenSource {

  private final GitHubEndpoints endpoints;
  private final GitHubHttp http;
  private final AppJwt jwt;

  public AccessTokenRequests(GitHubEndpoints endpoints, GitHubHttp http, AppJwt jwt) {
    this.endpoints = endpoints;
    this.http = http;
    this.jwt = jwt;
  }

  @Override
  public InstallationToken create(long installationId) throws IOException {
    HttpReply reply = http.send(Lane.app(), "POST",
        endpoints.rest("/app/installations/" + installationId + "/access_tokens"),
        Optional.of("Bearer " + jwt.create()), Optional.empty());
    if (!reply.isSuccess()) {
      throw new InstallationTokenException("GitHub refused an installation token for installation " + installationId
          + " of App " + jwt.appId() + ": HTTP " + reply.status() + " " + reply.message());
    }
    JsonNode answer = reply.json();
    String token = answer.path("token").asText("");
    if (token.isEmpty()) {
      throw new InstallationTokenException("GitHub's token answer for installation " + installationId + " has no token");
    }
    try {
      return new InstallationToken(token, Instant.parse(answer.path("expires_at").asText("")));
    } catch (DateTimeParseException e) {
      throw new InstallationTokenException("GitHub's token answer for installation " + installationId
          + " has no readable expires_at");
    }
  }
}
