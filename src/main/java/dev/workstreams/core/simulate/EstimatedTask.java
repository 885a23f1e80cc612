package dev.workstreams.core.simulate;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;

/**
 * A task as the simulation sees it: its dependencies and the agent time it is expected to take;
 * {@code guessed} when the plan gave no estimate and the simulation filled one in.
 */
public record EstimatedTask(String id, List<String> dependsOn, WorkDuration agentTime, boolean guessed) {

  public EstimatedTask {
    dependsOn = List.copyOf(dependsOn);
  }
}
