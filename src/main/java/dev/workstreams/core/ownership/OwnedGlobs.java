package dev.workstreams.core.ownership;

import java.util.List;
import java.util.Objects;

/**
 * The globs one task of a plan owns.
 *
 * @param taskId the task's id in the plan
 * @param globs patterns that {@link Glob#problem} accepts, in the order the plan lists them
 */
public record OwnedGlobs(String taskId, List<String> globs) {

  public OwnedGlobs {
    Objects.requireNonNull(taskId, "taskId");
    globs = List.copyOf(globs);
  }
}
