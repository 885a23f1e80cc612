package dev.workstreams.web;

import static dev.workstreams.core.dashboard.Markup.escape;

import dev.workstreams.adapter.github.setup.ManifestForm;

/** The HTML of setup mode: plain pages, every value from outside HTML-escaped. */
final class SetupPages {
  private SetupPages() {}

  static String form(ManifestForm form, String baseUrl, String dataDir, boolean organization) {
    return page("workstreams: register the GitHub App", """
        <h1>workstreams is in setup mode</h1>
        <p>This server has no GitHub App yet, so webhook deliveries are refused. The button below
        registers one with GitHub's App manifest flow:</p>
        <ol>
        <li>GitHub opens its “Create GitHub App” page%s, filled in from <code>app-manifest.yml</code>:
        webhooks to <code>%s</code>; permissions contents, pull requests, issues and checks (write) and
        metadata (read); events issues, issue comments and pull requests. You choose the name and confirm.</li>
        <li>GitHub sends you back here. The server stores the App's id, private key, webhook secret and
        client id and secret in <code>%s</code>, readable by its owner only, and starts handling
        deliveries at once, without a restart.</li>
        <li>You go on to install the App on the repositories it should work in.</li>
        </ol>
        <form method="post" action="%s">
        <input type="hidden" name="manifest" value="%s">
        <button type="submit">Create the GitHub App</button>
        </form>
        <p>For an organization, open <code>/?org=NAME</code>. If GitHub reaches this server at another
        address than <code>%s</code>, set <code>PUBLIC_URL</code> and reload.</p>
        """.formatted(
            organization ? " for the organization" : "",
            escape(baseUrl),
            escape(dataDir),
            escape(form.action().toString()),
            escape(form.manifestJson()),
            escape(baseUrl)));
  }

  static String problem(String title, String message) {
    return page("workstreams: " + title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p>\n");
  }

  private static String page(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head>\n<body>\n" + body + "</body>\n</html>\n";
  }
}
