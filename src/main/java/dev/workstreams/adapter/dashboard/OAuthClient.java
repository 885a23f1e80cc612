package dev.workstreams.adapter.dashboard;

import dev.workstreams.config.Secret;

/**
 * The App's OAuth client, for the user-to-server web flow: {@code GITHUB_CLIENT_ID} and {@code
 * GITHUB_CLIENT_SECRET}, else the values the manifest flow stored. {@code toString()} hides the secret.
 */
public record OAuthClient(String clientId, Secret clientSecret) {

  @Override
  public String toString() {
    return "OAuthClient[" + clientId + "]";
  }
}
