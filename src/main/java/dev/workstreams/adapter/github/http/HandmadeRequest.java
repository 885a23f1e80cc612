package dev.workstreams.adapter.github.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorRequest;

/** A raw request in the shape github-api's connectors take. Body replayable for retries. */
final class HandmadeRequest implements GitHubConnectorRequest {

  private final String method;
  private final URL url;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  HandmadeRequest(String method, URL url, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.url = url;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> this.headers.put(name, List.of(value)));
    this.body = body.clone();
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public Map<String, List<String>> allHeaders() {
    return headers;
  }

  @Override
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null ? null : String.join(",", values);
  }

  @Override
  public String contentType() {
    return header("Content-Type");
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public URL url() {
    return url;
  }

  @Override
  public boolean hasBody() {
    return body.length > 0;
  }
}
