package dev.workstreams.adapter.github.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** GitHub's answer to a handmade request, read to its end. */
public record HttpReply(int status, byte[] body) {

  private static final ObjectReader JSON = new ObjectMapper().reader();
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
