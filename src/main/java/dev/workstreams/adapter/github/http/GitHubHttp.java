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
 * Calls github-api has no method for (installation tokens, the manifest conversion, GraphQL,
 * contents without a repository lookup), sent through the same {@link PolitePipeline}.
 */
public final class GitHubHttp {

  /** The REST version this code was written against; GitHub answers with it until it is retired. */
  private static final String API_VERSION = "2022-11-28";

  private final PolitePipeline pipeline;

  public GitHubHttp(PolitePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * @param authorization the whole header value ({@code Bearer …}, {@code token …}), if any
   * @param jsonBody      a JSON document to send, if any
   */
  public HttpReply send(Lane lane, String method, URI url, Optional<String> authorization, Optional<String> jsonBody)
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
      return new HttpReply(response.statusCode(), in == null ? new byte[0] : in.readAllBytes(),
          HttpReply.nextPage(response.header("Link")));
    }
  }
}
