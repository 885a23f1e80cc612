package dev.workstreams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.workflow.EventContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/** A payload as a handler receives it, without the server: the fields the router would read. */
public final class Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  public static EventContext context(String event, byte[] payload) {
    try {
      JsonNode json = JSON.readTree(payload);
      JsonNode installation = json.path("installation").path("id");
      return new EventContext("delivery-" + event, event,
          Optional.ofNullable(json.path("action").textValue()),
          installation.isNumber() ? OptionalLong.of(installation.asLong()) : OptionalLong.empty(),
          Optional.ofNullable(json.path("repository").path("full_name").textValue()), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
