package dev.workstreams.core.schedule;

import java.util.List;

/** A task as scheduling sees it: its id and the ids it waits for. */
public record TaskNode(String id, List<String> dependsOn) {

  public TaskNode {
    dependsOn = List.copyOf(dependsOn);
  }
}
