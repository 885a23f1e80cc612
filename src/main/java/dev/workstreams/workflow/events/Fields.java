package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the payload records read Jackson's tree, in one place. GitHub writes {@code null} for an
 * absent object or value (a deleted fork's {@code head.repo}, an issue without a body), so null and
 * missing read the same.
 */
final class Fields {

  private Fields() {}

  static Optional<String> text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  /** The {@code name} of each label, as GitHub shows it; a payload without labels has none. */
  static List<String> labelNames(JsonNode labels) {
    List<String> names = new ArrayList<>();
    labels.forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  static Optional<Instant> instant(JsonNode text) {
    if (!text.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
