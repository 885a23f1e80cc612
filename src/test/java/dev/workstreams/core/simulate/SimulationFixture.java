package dev.workstreams.core.simulate;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.TaskNode;
import dev.workstreams.core.schedule.WorkDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans for simulation tests, written as {@code id:estimate:dep,dep}. */
final class SimulationFixture {

  private final List<Task> tasks = new ArrayList<>();

  static SimulationFixture plan() {
    return new SimulationFixture();
  }

  SimulationFixture task(String id, String estimate, String... dependsOn) {
    Optional<WorkDuration> e = estimate == null ? Optional.empty()
        : Optional.of(dev.workstreams.core.schedule.WorkDuration.parse(estimate).orElseThrow());
    tasks.add(new Task(id, "Task " + id, List.of(id + "/**"), List.of(dependsOn), "", tasks.size() + 1, e));
    return this;
  }

  Plan build() {
    return new Plan(Optional.empty(), Optional.empty(), Optional.empty(), tasks);
  }

  static PlanSchedule schedule(Plan plan) {
    return new DependencyGraph(plan.tasks().stream().map(t -> new TaskNode(t.id(), t.dependsOn())).toList())
        .schedule().orElseThrow();
  }

  Simulation simulate(String review, int maxParallel) {
    Plan plan = build();
    return PlanSimulation.of(plan, schedule(plan), dev.workstreams.core.schedule.WorkDuration.parse(review).orElseThrow(),
        maxParallel);
  }

  static WorkDuration at(Simulation s, int capacity) {
    return s.replays().stream().filter(r -> r.capacity() == capacity).findFirst().orElseThrow().wallTime();
  }
}
