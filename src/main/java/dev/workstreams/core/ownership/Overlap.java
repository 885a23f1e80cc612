package dev.workstreams.core.ownership;

import java.util.Objects;

/**
 * Two globs of two tasks that can match the same path: the error a plan is rejected with.
 *
 * @param taskA the task listed first in the plan
 * @param globA the glob of {@code taskA}
 * @param taskB the task listed later
 * @param globB the glob of {@code taskB}
 * @param examplePath one path both globs match and the repository does not share
 */
public record Overlap(String taskA, String globA, String taskB, String globB, String examplePath) {

  public Overlap {
    Objects.requireNonNull(taskA, "taskA");
    Objects.requireNonNull(globA, "globA");
    Objects.requireNonNull(taskB, "taskB");
    Objects.requireNonNull(globB, "globB");
    Objects.requireNonNull(examplePath, "examplePath");
  }
}
