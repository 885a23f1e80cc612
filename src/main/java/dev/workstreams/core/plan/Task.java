package dev.workstreams.core.plan;

import java.util.List;

/**
 * One workstream of a plan: what it does, the paths it owns and what it waits for. {@code line}
 * is where the task starts in the issue body; {@code prompt} is empty when none was given.
 */
public record Task(
    String id, String title, List<String> owns, List<String> dependsOn, String prompt, int line) {

  public Task {
    owns = List.copyOf(owns);
    dependsOn = List.copyOf(dependsOn);
  }
}
