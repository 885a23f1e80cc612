package dev.workstreams.workflow;

import dev.workstreams.core.reconcile.Markers;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a delivery is about, when deliveries about it must not be handled at the same time: one
 * issue or pull request, written {@code owner/repo#123}. Issues and pull requests share one number
 * space in a repository, so they share the key form too. The number comes from the payload's
 * {@code issue.number}, else {@code pull_request.number}, else {@code number}; a delivery with
 * none of them (push, installation, ping…) has no subject and is never held back.
 */
public final class Subject {
  private Subject() {}

  /** The plan issue of a workstream branch {@code workstreams/<issue>-<task>}, if it is one. */
  public static OptionalLong planIssueOfBranch(String branch) {
    return Markers.taskOfBranch(branch).map(task -> OptionalLong.of(task.issue())).orElse(OptionalLong.empty());
  }

  public static Optional<String> of(Optional<String> repositoryFullName, OptionalLong number) {
    if (repositoryFullName.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(repositoryFullName.get() + "#" + number.getAsLong());
  }
}
