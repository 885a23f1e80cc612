package dev.workstreams.testing;

import dev.workstreams.config.Secret;
import dev.workstreams.web.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Posts webhook deliveries over real HTTP, signed the way GitHub signs them. */
public final class WebhookClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final WebhookSignature signature;

  public WebhookClient(int port, String secret) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.signature = new WebhookSignature(Secret.of(secret));
  }

  public String sign(byte[] body) {
    return signature.headerFor(body);
  }

  /** A correctly signed delivery. */
  public HttpResponse<String> deliver(String event, String deliveryId, byte[] body) {
    return post(body, Map.of(
        "X-GitHub-Event", event,
        "X-GitHub-Delivery", deliveryId,
        "X-Hub-Signature-256", sign(body)));
  }

  public HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/github/webhooks"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
