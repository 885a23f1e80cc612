package dev.workstreams.adapter.github.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Every request the App sends to GitHub, raw, through the one {@link PolitePipeline}, each hop of
 * a redirect included: REST and GraphQL as an installation ({@code GitHubClients.call}), tokens and
 * {@code /app} as the App, the manifest conversion anonymously. The request is built in the shape
 * of github-api's connector types only because the pipeline and {@link TimedHttpConnector} are
 * written against that interface; no github-api client is involved.
 */
public final class GitHubHttp {

  /** The REST version this code was written against; GitHub answers with it until it is retired. */
  private static final String API_VERSION = "2022-11-28";
  /** Hops followed for one call; GitHub redirects a renamed repository once. */
  static final int MAX_REDIRECTS = 3;

  private final PolitePipeline pipeline;

  public GitHubHttp(PolitePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Sends one request and follows GitHub's redirects (a renamed or transferred repository answers
   * 301, 302 or 307 with its new address): on the same host only, so the credentials never leave
   * it; at most {@link #MAX_REDIRECTS} hops; 307 and 308 repeat the method and body, 301 and 302
   * are followed for reads only. A redirect not followed is handed to the caller as it is.
   *
   * @param authorization the whole header value ({@code Bearer …}, {@code token …}), if any
   * @param jsonBody      a JSON document to send, if any
   */
  public HttpReply send(Lane lane, String method, URI url, Optional<String> authorization, Optional<String> jsonBody)
      throws IOException {
    URI target = url;
    for (int hop = 0; ; hop++) {
      Answer answer = once(lane, method, target, authorization, jsonBody);
      Optional<URI> next = redirect(method, target, answer);
      if (next.isEmpty() || hop == MAX_REDIRECTS) {
        return answer.reply();
      }
      target = next.get();
    }
  }

  private Answer once(Lane lane, String method, URI url, Optional<String> authorization, Optional<String> jsonBody)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/vnd.github+json");
    headers.put("X-GitHub-Api-Version", API_VERSION);
    headers.put("User-Agent", "workstreams");
    authorization.ifPresent(value -> headers.put("Authorization", value));
    jsonBody.ifPresent(body -> headers.put("Content-Type", "application/json"));
    byte[] body = jsonBody.map(text -> text.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    HandmadeRequest request = new HandmadeRequest(method, url.toURL(), headers, body);
    try (GitHubConnectorResponse response = pipeline.send(lane, request);
        InputStream in = response.bodyStream()) {
      HttpReply reply = new HttpReply(response.statusCode(), in == null ? new byte[0] : in.readAllBytes(),
          HttpReply.nextPage(response.header("Link")));
      return new Answer(reply, Optional.ofNullable(response.header("Location")));
    }
  }

  private record Answer(HttpReply reply, Optional<String> location) {}

  private static Optional<URI> redirect(String method, URI from, Answer answer) {
    int status = answer.reply().status();
    boolean keepsMethod = status == 307 || status == 308;
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (!(keepsMethod || ((status == 301 || status == 302) && read)) || answer.location().isEmpty()) {
      return Optional.empty();
    }
    URI to;
    try {
      to = from.resolve(answer.location().get().strip());
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
    return sameOrigin(from, to) ? Optional.of(to) : Optional.empty();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
