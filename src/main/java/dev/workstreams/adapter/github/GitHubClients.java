package dev.workstreams.adapter.github;

import dev.workstreams.adapter.github.auth.AccessTokenRequests;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.AppJwt;
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

/**
 * Acting as the App on an installation: raw REST and GraphQL calls with the installation's token,
 * the same token for git pushes, and the App's bot user. Every call goes through one
 * {@link PolitePipeline}, so one pacing, retry and rate-limit policy covers all of them, and
 * {@link dev.workstreams.adapter.github.http.RepeatableCalls} decides for each write whether it
 * may be sent again after its answer was lost. No github-api {@code GitHub} client is built: of
 * github-api only the connector types (the request and response shapes the pipeline passes
 * along) and {@code GHIOException} are used. The README's "Raw calls" paragraph says why.
 */
public final class GitHubClients {

  private final GitHubEndpoints endpoints;
  private final InstallationTokens tokens;
  private final GitHubHttp http;
  private final AppBotUser botUser;

  public GitHubClients(GitHubEndpoints endpoints, PolitePipeline pipeline, InstallationTokens tokens, AppJwt jwt) {
    this.endpoints = endpoints;
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

  /** The installation's token, for HTTPS git pushes as user {@code x-access-token}. */
  public String installationToken(long installationId) throws IOException {
    return tokens.token(installationId);
  }

  /**
   * One REST or GraphQL request with the installation's token, through the pipeline: the gateway,
   * the repository config loader and the GraphQL client make every call here. A 401 (the token was revoked) fetches a new token
   * and tries once more.
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

  /**
   * Drops the installation's cached token, so that the next call asks GitHub for a new one: a token keeps the
   * permissions the installation had when it was made, so one made before an owner accepted a new permission
   * lacks it until it expires.
   */
  public void renewToken(long installationId) {
    tokens.forget(installationId);
  }

  public GitHubEndpoints endpoints() {
    return endpoints;
  }
}
