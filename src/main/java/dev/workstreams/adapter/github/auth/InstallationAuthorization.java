package dev.workstreams.adapter.github.auth;

import java.io.IOException;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * Gives github-api the cached installation token for each request. github-api asks before every
 * request, so a renewed token is picked up without rebuilding the client.
 */
public final class InstallationAuthorization implements AuthorizationProvider {

  private final InstallationTokens tokens;
  private final long installationId;

  public InstallationAuthorization(InstallationTokens tokens, long installationId) {
    this.tokens = tokens;
    this.installationId = installationId;
  }

  @Override
  public String getEncodedAuthorization() throws IOException {
    return "token " + tokens.token(installationId);
  }
}
