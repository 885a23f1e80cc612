package dev.workstreams.web;

import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.github.setup.ManifestFlow;
import dev.workstreams.adapter.github.setup.ManifestForm;
import dev.workstreams.adapter.github.setup.SetupException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /} and {@code GET /setup/callback} in setup mode: the page that starts GitHub's App
 * manifest flow, and the redirect GitHub comes back to. A successful callback hands the new App
 * to {@code onRegistered} (which switches the server to running mode) and sends the person on to
 * install it.
 */
public final class SetupRoutes {
  private static final Logger log = LoggerFactory.getLogger(SetupRoutes.class);
  private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9-]{1,39}");
  /** Forwarded values end up in the manifest's URLs: only what a host[:port] can hold passes. */
  private static final Pattern FORWARDED_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

  private final ManifestFlow flow;
  private final String webhookPath;
  private final Optional<String> publicUrl;
  private final Path credentialsFile;
  private final Consumer<AppRegistration> onRegistered;

  public SetupRoutes(ManifestFlow flow, String webhookPath, Optional<String> publicUrl, Path credentialsFile,
      Consumer<AppRegistration> onRegistered) {
    this.flow = flow;
    this.webhookPath = webhookPath;
    this.publicUrl = publicUrl;
    this.credentialsFile = credentialsFile;
    this.onRegistered = onRegistered;
  }

  public void page(Context ctx) {
    Optional<String> org = Optional.ofNullable(ctx.queryParam("org"));
    if (org.isPresent() && !ORGANIZATION.matcher(org.get()).matches()) {
      html(ctx, 400, SetupPages.problem("Not an organization name",
          "?org= takes a GitHub organization's login: 1 to 39 letters, digits or hyphens."));
      return;
    }
    String baseUrl = publicUrl.orElseGet(() -> requestBaseUrl(ctx));
    ManifestForm form;
    try {
      form = flow.start(baseUrl, webhookPath, org);
    } catch (IllegalArgumentException e) {
      html(ctx, 400, SetupPages.problem("Cannot build the App manifest", e.getMessage()));
      return;
    }
    html(ctx, 200, SetupPages.form(form, baseUrl, credentialsFile.toString(), org.isPresent()));
  }

  public void callback(Context ctx) {
    AppRegistration registration;
    try {
      registration = flow.complete(ctx.queryParam("code"), ctx.queryParam("state"));
    } catch (SetupException e) {
      log.info("setup callback refused: {}", e.reason());
      switch (e.reason()) {
        case INVALID_STATE -> html(ctx, 400, SetupPages.problem("Setup link not valid",
            "This setup link is not valid or was already used; start again at /."));
        case EXCHANGE_FAILED -> html(ctx, 502, SetupPages.problem("GitHub did not create the App", e.getMessage()));
        case ALREADY_REGISTERED -> html(ctx, 409, SetupPages.problem("Already set up", e.getMessage()));
      }
      return;
    } catch (IOException e) {
      log.warn("setup callback: GitHub could not be reached: {}", e.getMessage());
      html(ctx, 502, SetupPages.problem("GitHub could not be reached",
          "The App's code could not be exchanged (" + e.getMessage() + "). Start again at /."));
      return;
    }
    log.info("GitHub App {} (id {}) registered; credentials stored", registration.slug(), registration.id());
    onRegistered.accept(registration);
    ctx.status(302).header("Location", registration.installUrl().toString());
  }

  /** The address the request came to, as a proxy in front of the server reports it when there is one. */
  private static String requestBaseUrl(Context ctx) {
    String proto = first(ctx.header("X-Forwarded-Proto"));
    String host = first(ctx.header("X-Forwarded-Host"));
    String scheme = "http".equals(proto) || "https".equals(proto) ? proto : ctx.scheme();
    String authority = host != null && FORWARDED_HOST.matcher(host).matches() ? host : ctx.host();
    return scheme + "://" + authority;
  }

  /** Proxies append to these headers: the first value is the client-facing one. */
  private static String first(String header) {
    return header == null ? null : header.split(",")[0].strip();
  }

  private static void html(Context ctx, int status, String page) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(page);
  }
}
