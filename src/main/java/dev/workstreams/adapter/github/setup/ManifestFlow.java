package dev.workstreams.adapter.github.setup;

import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.Lane;
import dev.workstreams.adapter.github.http.RestPaths;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub's manifest flow ("Registering a GitHub App from a manifest"): a form that creates the App
 * on GitHub, then the callback that turns GitHub's one-hour code into credentials and stores them.
 * The web routes ({@code GET /}, {@code GET /setup/callback}) call {@link #start} and {@link #complete}.
 */
public final class ManifestFlow {

  private static final Logger log = LoggerFactory.getLogger(ManifestFlow.class);

  /** GitHub login names: letters, digits, single hyphens, at most 39 characters. */
  private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?");
  /** The code goes into a URL path, so only characters GitHub's codes use are let through. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  private final AppManifest manifest;
  private final GitHubEndpoints endpoints;
  private final GitHubHttp http;
  private final SetupStates states;
  private final CredentialsFile credentials;

  public ManifestFlow(AppManifest manifest, GitHubEndpoints endpoints, GitHubHttp http, SetupStates states,
      CredentialsFile credentials) {
    this.manifest = manifest;
    this.endpoints = endpoints;
    this.http = http;
    this.states = states;
    this.credentials = credentials;
  }

  /**
   * The form for the setup page.
   *
   * @param baseUrl      {@code PUBLIC_URL}, or the address the setup request came to
   * @param webhookPath  {@code WEBHOOK_PATH}
   * @param organization {@code ?org=NAME}: create the App owned by that organization
   * @throws IllegalArgumentException for a malformed URL or organization name (a 400 page)
   */
  public ManifestForm start(String baseUrl, String webhookPath, Optional<String> organization) {
    String owner = organization.map(org -> {
      if (!ORGANIZATION.matcher(org).matches()) {
        throw new IllegalArgumentException("not a GitHub organization name: " + org);
      }
      return "/organizations/" + org;
    }).orElse("");
    String json = manifest.render(baseUrl, webhookPath);
    String state = states.issue();
    return new ManifestForm(endpoints.page(owner + "/settings/apps/new?state=" + state), json, state);
  }

  /**
   * Handles GitHub's redirect to {@code /setup/callback?code=…&state=…}: checks the state (once),
   * exchanges the code at {@code POST /app-manifests/{code}/conversions} (no authentication) and
   * stores the credentials. Nothing is stored unless every step succeeds. An answer without a
   * webhook secret or slug is accepted (GitHub's schema allows both; the App exists by then, so
   * refusing would make the person start over): the log says what the person must do.
   *
   * @throws SetupException for a bad or used state, a refused code, or a server already set up
   * @throws IOException when GitHub cannot be reached (the person starts again)
   */
  public AppRegistration complete(String code, String state) throws SetupException, IOException {
    if (!states.consume(state)) {
      throw new SetupException(SetupException.Reason.INVALID_STATE,
          "This setup link is unknown, expired or already used. Start again from the setup page.");
    }
    if (credentials.exists()) {
      throw new SetupException(SetupException.Reason.ALREADY_REGISTERED, "This server is already set up.");
    }
    if (code == null || !CODE.matcher(code).matches()) {
      throw new SetupException(SetupException.Reason.EXCHANGE_FAILED,
          "GitHub's redirect carried no usable code. Start again from the setup page.");
    }
    AppRegistration registration = exchange(code);
    credentials.store(registration);
    if (registration.webhookSecret().isEmpty()) {
      log.warn("GitHub App {} (id {}): {}", registration.slug(), registration.id(), AppRegistration.NO_WEBHOOK_SECRET);
    }
    return registration;
  }

  private AppRegistration exchange(String code) throws SetupException, IOException {
    URI url = endpoints.rest("/app-manifests/" + RestPaths.segment(code) + "/conversions");
    HttpReply reply = http.send(Lane.anonymous(), "POST", url, Optional.empty(), Optional.empty());
    if (!reply.isSuccess()) {
      throw new SetupException(SetupException.Reason.EXCHANGE_FAILED, "GitHub did not create the App (HTTP "
          + reply.status() + ": " + reply.message() + "). Its codes work once, within an hour: start again from the setup page.");
    }
    AppRegistration registration = RegistrationJson.read(reply.json()).orElseThrow(() -> new SetupException(
        SetupException.Reason.EXCHANGE_FAILED,
        "GitHub's answer lacked some of the App's credentials. Check the App on GitHub, delete it, and start again."));
    try {
      // Checked before storing: a stored App whose key cannot sign would fail every later start.
      registration.credentials();
    } catch (IllegalArgumentException e) {
      throw new SetupException(SetupException.Reason.EXCHANGE_FAILED,
          "GitHub's answer held a private key this server cannot read. Check the App on GitHub, delete it, and start again.");
    }
    return registration;
  }
}
