package dev.workstreams.adapter.github.setup;

import dev.workstreams.adapter.github.auth.AppCredentials;
import java.net.URI;
import java.util.Optional;

/**
 * What GitHub returns when it creates the App from the manifest, and what setup stores.
 * {@link #toString()} hides the secrets.
 *
 * @param webhookSecret empty when GitHub created the App without one (its schema allows a null
 *     secret): deliveries stay refused until one is set in the App's settings and as {@code WEBHOOK_SECRET}
 * @param htmlUrl the App's page, {@code https://github.com/apps/SLUG}
 */
public record AppRegistration(long id, String slug, String name, String clientId, String clientSecret,
    Optional<String> webhookSecret, String pem, URI htmlUrl) {

  /** What the person must do when GitHub's answer held no webhook secret; said in the setup log. */
  public static final String NO_WEBHOOK_SECRET = "GitHub created the App without a webhook secret, so webhook "
      + "deliveries are refused: choose a secret, enter it under Webhook secret in the App's settings on GitHub, and "
      + "set the same value as WEBHOOK_SECRET for this server";

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
