package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * REST calls for one installation, as JSON, through the polite pipeline. Handmade rather than
 * github-api's object model: every route the workflows use is visible here, costs exactly one
 * request (no hidden {@code GET /repos/o/r} lookups) and answers with plain JSON.
 */
final class RestCalls {

  private static final ObjectMapper JSON = Json.mapper();
  /** Listings are bounded: 30 pages of 100 is more than any plan needs. */
  private static final int MAX_PAGES = 30;

  private final GitHubClients clients;
  private final long installationId;

  RestCalls(GitHubClients clients, long installationId) {
    this.clients = clients;
    this.installationId = installationId;
  }

  HttpReply get(String path) throws IOException {
    return send("GET", path, Optional.empty());
  }

  HttpReply post(String path, Object body) throws IOException {
    return send("POST", path, Optional.of(JSON.writeValueAsString(body)));
  }

  HttpReply patch(String path, Object body) throws IOException {
    return send("PATCH", path, Optional.of(JSON.writeValueAsString(body)));
  }

  HttpReply put(String path, Object body) throws IOException {
    return send("PUT", path, Optional.of(JSON.writeValueAsString(body)));
  }

  HttpReply delete(String path) throws IOException {
    return send("DELETE", path, Optional.empty());
  }

  /** Every item of a paginated listing, following {@code Link: rel="next"}. */
  List<JsonNode> list(String path) throws IOException {
    return list(path, MAX_PAGES).items();
  }

  /** The items of at most {@code maxPages} pages; {@code more} when GitHub still offered a next page. */
  Listing list(String path, int maxPages) throws IOException {
    return list(path, maxPages, body -> body);
  }

  record Listing(List<JsonNode> items, boolean more) {}

  /** The items of every page of a listing that wraps them ({@code {"total_count": n, "check_runs": [...]}}). */
  List<JsonNode> wrapped(String path, String field) throws IOException {
    return list(path, MAX_PAGES, body -> body.path(field)).items();
  }

  private Listing list(String path, int maxPages, UnaryOperator<JsonNode> items) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    URI next = url(path);
    for (int page = 0; page < maxPages && next != null; page++) {
      HttpReply reply = clients.call(installationId, "GET", next, Optional.empty());
      expect(reply, "GET", path);
      items.apply(reply.json()).forEach(found::add);
      next = reply.nextPage().orElse(null);
    }
    return new Listing(found, next != null);
  }

  JsonNode json(HttpReply reply, String method, String path) throws IOException {
    expect(reply, method, path);
    return reply.json();
  }

  static void expect(HttpReply reply, String method, String path) throws IOException {
    if (!reply.isSuccess()) {
      throw new GitHubCallFailed(method, path, reply.status(), reply.message());
    }
  }

  /**
   * A 422 whose details say the thing is already there. GitHub puts "Validation Failed" in
   * {@code message} and the reason in {@code errors[]}: a {@code message} for references and pull
   * requests, a {@code code} of {@code already_exists} for labels.
   */
  static boolean alreadyExists(HttpReply reply) {
    return reply.status() == 422 && details(reply).contains("already exist");
  }

  /** A 422 that refuses a draft pull request: the repository's plan does not allow drafts. */
  static boolean draftsRefused(HttpReply reply) {
    return reply.status() == 422 && details(reply).contains("draft");
  }

  private static String details(HttpReply reply) {
    StringBuilder text = new StringBuilder(reply.message());
    try {
      for (JsonNode error : reply.json().path("errors")) {
        text.append(' ').append(error.path("message").asText("")).append(' ').append(error.path("code").asText("").replace('_', ' '));
      }
    } catch (IOException notJson) {
      // the message alone then
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  private HttpReply send(String method, String path, Optional<String> body) throws IOException {
    return clients.call(installationId, method, url(path), body);
  }

  private URI url(String path) {
    return URI.create(clients.endpoints().api() + path);
  }
}
