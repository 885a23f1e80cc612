package dev.workstreams.core.plan;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;

/**
 * One workstream of a plan: what it does, the paths it owns and what it waits for. {@code line}
 * is where the task starts in the issue body; {@code prompt} is empty when none was given;
 * {@code estimate} is the agent time its author expects (field {@code estimate}), used only by the
 * simulation.
 */
public record Task(
    String id, String title, List<String> owns, List<String> dependsOn, String prompt, int line,
    Optional<WorkDuration> estimate) {

  public Task {
    owns = List.copyOf(owns);
    dependsOn = List.copyOf(dependsOn);
  }

  /** A task without an estimate. */
  public Task(String id, String title, List<String> owns, List<String> dependsOn, String prompt, int line) {
    this(id, title, owns, dependsOn, prompt, line, Optional.empty());
  }
}
