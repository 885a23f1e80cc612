package dev.workstreams.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a delivery is about, when deliveries about it must not be handled at the same time: one
 * issue or pull request, written {@code owner/repo#123}. Issues and pull requests share one number
 * space in a repository, so they share the key form too.
 */
public final class Subject {
  private Subject() {}

  public static Optional<String> of(JsonNode payload) {
    JsonNode repository = payload.path("repository").path("full_name");
    if (!repository.isTextual()) {
      return Optional.empty();
    }
    for (JsonNode number :
        new JsonNode[] {payload.path("issue").path("number"), payload.path("pull_request").path("number"), payload.path("number")}) {
      if (number.isIntegralNumber()) {
        return Optional.of(repository.asText() + "#" + number.asLong());
      }
    }
    return Optional.empty();
  }
}
