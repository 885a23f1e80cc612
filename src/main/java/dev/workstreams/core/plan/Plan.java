package dev.workstreams.core.plan;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;

/**
 * A plan as its author wrote it; options left out are empty and resolved by the caller.
 *
 * @param timeBudget the agent time all its tasks may use together, first runs and revisions summed (field
 *     {@code time_budget}); empty: no bound beyond each task's
 */
public record Plan(
    Optional<String> base, Optional<Integer> maxParallel, Optional<String> agent, List<Task> tasks,
    Optional<WorkDuration> timeBudget) {

  public Plan {
    tasks = List.copyOf(tasks);
  }

  /** A plan without a time budget. */
  public Plan(Optional<String> base, Optional<Integer> maxParallel, Optional<String> agent, List<Task> tasks) {
    this(base, maxParallel, agent, tasks, Optional.empty());
  }

  public Optional<Task> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
