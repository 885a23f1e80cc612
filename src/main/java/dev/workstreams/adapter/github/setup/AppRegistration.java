package dev.workstreams.adapter.github.setup;

import dev.workstreams.adapter.github.auth.AppCredentials;
import java.net.URI;

/**
 * What GitHub returns when it creates the App from the manifest, and what setup stores.
 * {@link #toString()} hides the secrets.
 *
 * @param htmlUrl the App's page, {@code https://github.com/apps/SLUG}
 */
public record AppRegistration(
    long id, String slug, String name, String clientId, String clientSecret, String webhookSecret, String pem, URI htmlUrl) {

  public AppCredentials credentials() {
    return AppCredentials.of(id, pem);
  }

  /** Where the person goes next: installing the App on their repositories. */
  public URI installUrl() {
    return URI.create(htmlUrl.toString().replaceAll("/+$", "") + "/installations/new");
  }

  @Override
  public String toString() {
    return "AppRegistration[id=" + id + ", slug=" + slug + ", htmlUrl=" + htmlUrl + ", secrets=(hidden)]";
  }
}
