package dev.workstreams.workflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.testing.Events;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.workflow.EventContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real payloads from {@code src/test/resources/webhooks}, to change a field of before handing them over. */
final class Payloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  static ObjectNode fixture(String name) {
    try {
      return (ObjectNode) JSON.readTree(Fixtures.webhook(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as installation 1 of the App receives it. */
  static ObjectNode installed(String name) {
    ObjectNode payload = fixture(name);
    payload.putObject("installation").put("id", 1);
    return payload;
  }

  /** As intake hands the payload over: installation and repository read from the payload itself. */
  static EventContext context(String event, ObjectNode payload) {
    try {
      return Events.context(event, JSON.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
