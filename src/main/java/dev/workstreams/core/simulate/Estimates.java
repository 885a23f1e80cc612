package dev.workstreams.core.simulate;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;

/**
 * Agent time for every task: its own {@code estimate}, else the median of the plan's known
 * estimates (the plan's own idea of a typical task), else one hour.
 */
public final class Estimates {

  public static final WorkDuration WITHOUT_ANY = WorkDuration.ofHours(1);

  private Estimates() {}

  public static List<EstimatedTask> of(List<Task> tasks) {
    WorkDuration fallback = median(tasks.stream().flatMap(t -> t.estimate().stream()).toList()).orElse(WITHOUT_ANY);
    return tasks.stream()
        .map(t -> new EstimatedTask(t.id(), t.dependsOn(), t.estimate().orElse(fallback), t.estimate().isEmpty()))
        .toList();
  }

  /** The middle value; of an even count, the mean of the two middle ones, to the second. */
  static Optional<WorkDuration> median(List<WorkDuration> known) {
    if (known.isEmpty()) {
      return Optional.empty();
    }
    List<WorkDuration> sorted = known.stream().sorted().toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return Optional.of(sorted.get(middle));
    }
    long seconds = (sorted.get(middle - 1).seconds() + sorted.get(middle).seconds()) / 2;
    return Optional.of(new WorkDuration(seconds));
  }
}
