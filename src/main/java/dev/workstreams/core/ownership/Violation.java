package dev.workstreams.core.ownership;

import java.util.Objects;
import java.util.Optional;

/**
 * A changed path that a task may not touch.
 *
 * @param path the repository path
 * @param ownerTaskId the task of the plan that owns the path (the first in plan order), if any does
 */
public record Violation(String path, Optional<String> ownerTaskId) {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ownerTaskId, "ownerTaskId");
  }
}
