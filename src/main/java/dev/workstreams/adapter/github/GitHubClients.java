package dev.workstreams.adapter.github;

import dev.workstreams.adapter.github.auth.AccessTokenRequests;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.AppJwt;
import dev.workstreams.adapter.github.auth.InstallationAuthorization;
import dev.workstreams.adapter.github.auth.InstallationTokens;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.Lane;
import dev.workstreams.adapter.github.http.PolitePipeline;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * Clients acting as the App on one installation, all going through one {@link PolitePipeline}:
 * a github-api {@link GitHub}, the raw token for git pushes, and raw calls for what github-api lacks.
 */
public final class GitHubClients {

  private final GitHubEndpoints endpoints;
  private final PolitePipeline pipeline;
  private final InstallationTokens tokens;
  private final GitHubHttp http;
  private final AppBotUser botUser;
  private final ConcurrentMap<Long, GitHub> clients = new ConcurrentHashMap<>();

  public GitHubClients(GitHubEndpoints endpoints, PolitePipeline pipeline, InstallationTokens tokens, AppJwt jwt) {
    this.endpoints = endpoints;
    this.pipeline = pipeline;
    this.tokens = tokens;
    this.http = new GitHubHttp(pipeline);
    this.botUser = new AppBotUser(endpoints, http, jwt, tokens);
  }

  /** The usual assembly: tokens created with the App's JWT through the same pipeline. */
  public static GitHubClients forApp(AppCredentials credentials, GitHubEndpoints endpoints, PolitePipeline pipeline, Clock clock) {
    AppJwt jwt = new AppJwt(credentials, clock);
    AccessTokenRequests source = new AccessTokenRequests(endpoints, new GitHubHttp(pipeline), jwt);
    return new GitHubClients(endpoints, pipeline, new InstallationTokens(source, clock), jwt);
  }

  /** The App's bot user, the author of its commits (looked up once per process). */
  public AppBotUser botUser() {
    return botUser;
  }

  /**
   * A github-api client for one installation. Its own rate-limit and abuse handlers are set to
   * fail: 1.330's wait at least 10 s on a primary limit and never retry a secondary limit without
   * {@code Retry-After}; the pipeline underneath has already waited or thrown by then.
   */
  public GitHub forInstallation(long installationId) throws IOException {
    GitHub existing = clients.get(installationId);
    if (existing != null) {
      return existing;
    }
    GitHub built = new GitHubBuilder()
        .withEndpoint(endpoints.api().toString())
        .withConnector(pipeline.connectorFor(Lane.installation(installationId)))
        .withAuthorizationProvider(new InstallationAuthorization(tokens, installationId))
        .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
        .build();
    GitHub raced = clients.putIfAbsent(installationId, built);
    return raced == null ? built : raced;
  }

  /** The installation's token, for HTTPS git pushes as user {@code x-access-token}. */
  public String installationToken(long installationId) throws IOException {
    return tokens.token(installationId);
  }

  /**
   * A request github-api has no method for, with the installation's token, through the pipeline.
   * A 401 (the token was revoked) fetches a new token and tries once more.
   *
   * @param url a REST URL under {@code GITHUB_API_URL} or the GraphQL endpoint; the token is sent
   *     nowhere else
   */
  public HttpReply call(long installationId, String method, URI url, Optional<String> jsonBody) throws IOException {
    if (!url.toString().startsWith(endpoints.api() + "/") && !url.equals(endpoints.graphql())) {
      throw new IllegalArgumentException("not a GitHub API URL of this server: " + url.getHost());
    }
    String token = tokens.token(installationId);
    HttpReply reply = http.send(Lane.installation(installationId), method, url, Optional.of("token " + token), jsonBody);
    if (reply.status() == 401) {
      // A revoked token stays cached until its expiry otherwise; a 401 applied nothing, so one more try is safe.
      tokens.refused(installationId, token);
      reply = http.send(Lane.installation(installationId), method, url,
          Optional.of("token " + tokens.token(installationId)), jsonBody);
    }
    return reply;
  }

  public GitHubEndpoints endpoints() {
    return endpoints;
  }
}
