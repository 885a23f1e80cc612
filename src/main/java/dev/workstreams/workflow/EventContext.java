package dev.workstreams.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a handler receives for one delivery, like Probot's {@code context}: the ids that say where
 * the event happened and the parsed payload. The authenticated GitHub client for the installation
 * joins these fields when the GitHub adapter exists.
 */
public record EventContext(
    String deliveryId,
    String event,
    Optional<String> action,
    OptionalLong installationId,
    Optional<String> repository,
    JsonNode payload) {

  /** {@code issues.labeled}, or just the event name when the payload has no action. */
  public String name() {
    return action.map(a -> event + "." + a).orElse(event);
  }
}
