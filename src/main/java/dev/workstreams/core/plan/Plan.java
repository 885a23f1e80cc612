package dev.workstreams.core.plan;

import java.util.List;
import java.util.Optional;

/** A plan as its author wrote it; options left out are empty and resolved by the caller. */
public record Plan(
    Optional<String> base, Optional<Integer> maxParallel, Optional<String> agent, List<Task> tasks) {

  public Plan {
    tasks = List.copyOf(tasks);
  }

  public Optional<Task> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
