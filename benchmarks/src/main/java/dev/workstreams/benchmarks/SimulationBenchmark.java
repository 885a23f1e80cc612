package dev.workstreams.benchmarks;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.TaskNode;
import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.simulate.PlanSimulation;
import dev.workstreams.core.simulate.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation of a 50-task plan (the most a plan may have) at capacities 1 to 6, its own and
 * unlimited: eight replays of the App's scheduler. Baseline: the merge order and levels the plan
 * engine computes for every check anyway ({@link DependencyGraph#schedule()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class SimulationBenchmark {

  static final int TASKS = 50;

  /** {@code layered}: dependencies on a few earlier tasks; {@code wide}: none; {@code chain}: each on the one before. */
  @Param({"layered", "wide", "chain"})
  public String shape;

  private Plan plan;
  private PlanSchedule schedule;
  private List<TaskNode> nodes;

  @Setup
  public void setUp() {
    Random random = new Random(17);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      List<String> deps = new ArrayList<>();
      if (shape.equals("chain") && i > 0) {
        deps.add("t" + (i - 1));
      } else if (shape.equals("layered")) {
        for (int j = Math.max(0, i - 10); j < i; j++) {
          if (random.nextInt(5) == 0) {
            deps.add("t" + j);
          }
        }
      }
      Optional<WorkDuration> estimate = i % 7 == 0 ? Optional.empty() : Optional.of(WorkDuration.ofMinutes(15 + random.nextInt(180)));
      tasks.add(new Task("t" + i, "Task " + i, List.of("src/t" + i + "/**"), deps, "", i + 1, estimate));
    }
    plan = new Plan(Optional.empty(), Optional.of(4), Optional.empty(), tasks);
    nodes = tasks.stream().map(t -> new TaskNode(t.id(), t.dependsOn())).toList();
    schedule = new DependencyGraph(nodes).schedule().orElseThrow();
  }

  @Benchmark
  public Simulation simulate() {
    return PlanSimulation.of(plan, schedule, WorkDuration.ofMinutes(30), 4);
  }

  @Benchmark
  public PlanSchedule mergeOrderBaseline() {
    return new DependencyGraph(nodes).schedule().orElseThrow();
  }
}
