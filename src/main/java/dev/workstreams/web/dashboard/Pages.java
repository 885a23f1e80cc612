package dev.workstreams.web.dashboard;

import static dev.workstreams.core.dashboard.Markup.escape;

import dev.workstreams.adapter.dashboard.DashboardSession;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The frame every dashboard page shares: headings, the signed-in person and sign-out, a stylesheet
 * small enough to inline (no build step, readable on a phone), and the refusals. Every text that comes
 * from outside goes through {@code Markup.escape}.
 */
final class Pages {

  private static final String STYLE = """
      body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#111;background:#fff}
      header{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;justify-content:space-between;padding:.6em 1em;background:#1f2937;color:#fff}
      header a{color:#fff}main{padding:1em;max-width:1200px;margin:auto}
      table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35em .5em;border-bottom:1px solid #ccc;vertical-align:top}
      .scroll{overflow-x:auto}pre.log{background:#111;color:#eee;padding:.8em;overflow-x:auto;white-space:pre-wrap;min-height:8em}
      button{font:inherit;padding:.2em .7em;cursor:pointer}form.inline{display:inline}
      .notice{background:#fff7d6;border:1px solid #b38f00;padding:.5em}.muted{color:#444}
      a{color:#0b4fa8}svg.graph{max-width:none}
      """;

  private Pages() {}

  static String page(String title, Optional<DashboardSession> session, String body) {
    StringBuilder html = new StringBuilder(body.length() + 2048)
        .append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escape(title)).append(" · workstreams</title><style>").append(STYLE).append("</style></head><body>")
        .append("<header><a href=\"/\"><strong>workstreams</strong></a>");
    session.ifPresent(s -> html.append("<span>Signed in as ").append(escape(s.login()))
        .append(" <form class=\"inline\" method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
        .append(escape(s.csrfToken())).append("\"><button type=\"submit\">Sign out</button></form></span>"));
    return html.append("</header><main>").append(body).append("</main></body></html>").toString();
  }

  static void html(Context ctx, String html) {
    ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:")
        .contentType("text/html; charset=utf-8").result(html);
  }

  static void refuse(Context ctx, int status, String title, String message) {
    ctx.status(status);
    html(ctx, page(title, Optional.empty(), "<h1>" + escape(title) + "</h1><p>" + escape(message)
        + "</p><p><a href=\"/\">Back to the dashboard</a></p>"));
  }

  static void signInPage(Context ctx, boolean configured) {
    String body = configured
        ? "<h1>Sign in</h1><p>The dashboard shows the plans of the repositories you can reach through this App's installations.</p>"
            + "<p><a href=\"/login/start\" role=\"button\"><strong>Sign in with GitHub</strong></a></p>"
        : "<h1>Sign in is not set up</h1><p>workstreams is running. The dashboard needs the App's OAuth client: set "
            + "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, or register the App through the setup page.</p>";
    html(ctx, page("Sign in", Optional.empty(), body));
  }

  /** Two units at most, like the tracking comment's durations. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 86_400) {
      return s / 86_400 + " d " + s % 86_400 / 3_600 + " h";
    }
    if (s >= 3_600) {
      return s / 3_600 + " h " + s % 3_600 / 60 + " min";
    }
    if (s >= 60) {
      return s / 60 + " min";
    }
    return s + " s";
  }
}
