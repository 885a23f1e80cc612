package dev.workstreams.core.simulate;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkDuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Simulates a valid plan at capacities 1 to {@value #CAPACITIES}, at its own capacity and unlimited. */
public final class PlanSimulation {

  /** The capacities always shown: the design's 3–4 workstreams per person, and a little beyond. */
  public static final int CAPACITIES = 6;

  private PlanSimulation() {}

  /**
   * The simulation of a checked plan, at the plan's {@code max_parallel} or else {@code defaultMaxParallel};
   * empty when the plan has errors (an unknown dependency or a cycle has no schedule to replay).
   */
  public static Optional<Simulation> of(PlanReport report, WorkDuration reviewTime, int defaultMaxParallel) {
    if (!report.valid() || report.schedule().isEmpty() || report.plan().tasks().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(report.plan(), report.schedule().get(), reviewTime,
        report.plan().maxParallel().orElse(defaultMaxParallel)));
  }

  /**
   * @param schedule    the plan's merge order (from the plan engine; a plan with a cycle has none)
   * @param maxParallel the capacity the plan will run at
   */
  public static Simulation of(Plan plan, PlanSchedule schedule, WorkDuration reviewTime, int maxParallel) {
    List<EstimatedTask> estimated = new ArrayList<>(Estimates.of(plan.tasks()));
    // The App hands its queue the tasks sorted by merge order, ties in plan order (a stable sort).
    estimated.sort(Comparator.comparingInt(t -> schedule.mergeOrder().get(t.id())));
    List<Replay> replays = new ArrayList<>();
    for (int capacity = 1; capacity <= CAPACITIES; capacity++) {
      replays.add(ScheduleReplay.replay(estimated, reviewTime, capacity));
    }
    if (maxParallel > CAPACITIES) {
      replays.add(ScheduleReplay.replay(estimated, reviewTime, maxParallel));
    }
    Replay unlimited = ScheduleReplay.replay(estimated, reviewTime, Math.max(1, estimated.size()));
    WorkDuration serial = estimated.stream().map(t -> t.agentTime().plus(reviewTime)).reduce(WorkDuration.ZERO, WorkDuration::plus);
    List<String> guessed = estimated.stream().filter(EstimatedTask::guessed).map(EstimatedTask::id).toList();
    List<String> planOrder = plan.tasks().stream().map(Task::id).toList();
    guessed = planOrder.stream().filter(guessed::contains).toList();
    WorkDuration guess = estimated.stream().filter(EstimatedTask::guessed).map(EstimatedTask::agentTime).findFirst()
        .orElse(WorkDuration.ZERO);
    return new Simulation(reviewTime, maxParallel, replays, unlimited, enough(replays, unlimited), serial,
        criticalPath(estimated, reviewTime), guessed, guess);
  }

  // The knee: the first capacity whose wall time no larger capacity (nor unlimited) improves on.
  private static Optional<Integer> enough(List<Replay> replays, Replay unlimited) {
    for (int i = 0; i < replays.size(); i++) {
      WorkDuration wall = replays.get(i).wallTime();
      boolean beaten = unlimited.wallTime().compareTo(wall) < 0
          || replays.subList(i + 1, replays.size()).stream().anyMatch(r -> r.wallTime().compareTo(wall) < 0);
      if (!beaten) {
        return Optional.of(replays.get(i).capacity());
      }
    }
    return Optional.empty();
  }

  /** The longest chain, each task costing its agent time and one review: no schedule can be shorter. */
  static WorkDuration criticalPath(List<EstimatedTask> inMergeOrder, WorkDuration reviewTime) {
    Map<String, WorkDuration> finish = new HashMap<>();
    WorkDuration longest = WorkDuration.ZERO;
    for (EstimatedTask task : inMergeOrder) {
      WorkDuration start = task.dependsOn().stream().map(finish::get).filter(d -> d != null)
          .max(Comparator.naturalOrder()).orElse(WorkDuration.ZERO);
      WorkDuration end = start.plus(task.agentTime()).plus(reviewTime);
      finish.put(task.id(), end);
      longest = longest.compareTo(end) < 0 ? end : longest;
    }
    return longest;
  }
}
