package dev.workstreams.adapter.github.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * A response read to its end, so its body can be inspected and still handed on, and so a write
 * counts as finished only once GitHub has sent all of its answer.
 */
final class BufferedResponse extends GitHubConnectorResponse {

  private final byte[] body;

  private BufferedResponse(GitHubConnectorResponse original, Map<String, List<String>> headers, byte[] body) {
    super(original.request(), original.statusCode(), headers);
    this.body = body;
  }

  /** Reads and closes {@code original}; the body is stored decoded, so no content encoding is kept. */
  static BufferedResponse of(GitHubConnectorResponse original) throws IOException {
    try (original) {
      byte[] body;
      try (InputStream in = original.bodyStream()) {
        body = in == null ? new byte[0] : in.readAllBytes();
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      original.allHeaders().forEach((name, values) -> {
        if (name != null && !name.equalsIgnoreCase("content-encoding") && !name.equalsIgnoreCase("content-length")) {
          headers.put(name, values);
        }
      });
      return new BufferedResponse(original, headers, body);
    }
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public InputStream bodyStream() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public void close() {
    // Nothing to release: the connection was closed in of().
  }
}
