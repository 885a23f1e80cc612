package dev.workstreams.adapter.github.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's answer to a handmade request, read to its end; {@code nextPage} is the {@code Link}
 * header's {@code rel="next"} address of a paginated listing.
 */
public record HttpReply(int status, byte[] body, Optional<URI> nextPage) {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  public HttpReply(int status, byte[] body) {
    this(status, body, Optional.empty());
  }

  /** The next page from a {@code Link} header, e.g. {@code <https://…?page=2>; rel="next", <…>; rel="last"}. */
  static Optional<URI> nextPage(String linkHeader) {
    if (linkHeader == null) {
      return Optional.empty();
    }
    Matcher m = NEXT.matcher(linkHeader);
    return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
  }

  private static final ObjectReader JSON = Json.mapper().reader();
  private static final int MAX_MESSAGE = 200;

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public JsonNode json() throws IOException {
    return JSON.readTree(body);
  }

  /**
   * GitHub's {@code message} field, shortened, for error texts. Only read from failed answers,
   * whose bodies carry error descriptions, never the credentials a successful one may hold.
   */
  public String message() {
    try {
      JsonNode message = json().path("message");
      String text = message.isTextual() ? message.asText() : new String(body, StandardCharsets.UTF_8);
      text = text.replaceAll("\\s+", " ").strip();
      return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    } catch (IOException notJson) {
      return "an answer that is not JSON";
    }
  }
}
