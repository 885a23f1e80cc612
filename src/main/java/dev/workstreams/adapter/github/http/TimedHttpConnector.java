package dev.workstreams.adapter.github.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api's connector over {@code java.net.http}, with timeouts. github-api's own
 * {@code HttpClientGitHubConnector} sets none, and a request hanging forever would hold its
 * installation's write lane forever; a timeout is an {@code IOException} the pipeline retries.
 */
public final class TimedHttpConnector implements GitHubConnector {

  private final HttpClient client;
  private final Duration answerTimeout;

  /** @param answerTimeout how long to wait for GitHub's answer headers */
  public TimedHttpConnector(Duration connectTimeout, Duration answerTimeout) {
    // Redirects are followed above this connector, by GitHubHttp (same host only).
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.answerTimeout = answerTimeout;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(request.url().toURI()).timeout(answerTimeout);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid request URL", e);
    }
    for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
      builder.header(header.getKey(), String.join(",", header.getValue()));
    }
    HttpRequest.BodyPublisher body = request.hasBody() && request.body() != null
        ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
        : HttpRequest.BodyPublishers.noBody();
    try {
      HttpResponse<InputStream> response = client.send(builder.method(request.method(), body).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      return new Answer(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while calling GitHub");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /** The answer; github-api's base class reads (and un-gzips) the body on first use. */
  private static final class Answer extends GitHubConnectorResponse.ByteArrayResponse {

    private final HttpResponse<InputStream> response;

    Answer(GitHubConnectorRequest request, HttpResponse<InputStream> response) {
      super(request, response.statusCode(), response.headers().map());
      this.response = response;
    }

    @Override
    protected InputStream rawBodyStream() {
      return response.body();
    }
  }
}
