package dev.workstreams.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.WorkDuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SimulationProperties {

  /** A random acyclic plan: a task depends only on tasks listed before it, then the list is shuffled. */
  static Plan randomPlan(int size, long seed) {
    Random random = new Random(seed);
    int density = 2 + random.nextInt(6);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> deps = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (random.nextInt(density) == 0) {
          deps.add("t" + j);
        }
      }
      Optional<WorkDuration> estimate = random.nextInt(5) == 0 ? Optional.empty()
          : Optional.of(WorkDuration.ofMinutes(5 * (1 + random.nextInt(48))));
      tasks.add(new Task("t" + i, "Task " + i, List.of("t" + i + "/**"), deps, "", i + 1, estimate));
    }
    Collections.shuffle(tasks, random);
    return new Plan(Optional.empty(), Optional.empty(), Optional.empty(), tasks);
  }

  private static Simulation simulate(int size, long seed, int reviewMinutes) {
    Plan plan = randomPlan(size, seed);
    return PlanSimulation.of(plan, SimulationFixture.schedule(plan), WorkDuration.ofMinutes(reviewMinutes), 4);
  }

  @Property(tries = 300)
  void wallTimeIsNeverBelowTheCriticalPathNorTheReviewsNorAboveTheSerialSum(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Simulation s = simulate(size, seed, review);
    WorkDuration reviews = WorkDuration.ofMinutes((long) review * size);

    for (Replay r : all(s)) {
      assertTrue(r.wallTime().compareTo(s.criticalPath()) >= 0, r + " below the critical path " + s.criticalPath());
      assertTrue(r.wallTime().compareTo(reviews) >= 0, r + " below the reviews alone " + reviews);
      assertTrue(r.wallTime().compareTo(s.serialTime()) <= 0, r + " above the serial sum " + s.serialTime());
      assertEquals(r.wallTime().minus(reviews), r.reviewerIdle());
    }
  }

  @Property(tries = 300)
  void capacityOneIsTheSerialSum(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Simulation s = simulate(size, seed, review);

    assertEquals(s.serialTime(), s.replays().get(0).wallTime());
  }

  /**
   * Not for every plan: with dependencies, the App's rules allow Graham's scheduling anomaly (see
   * {@code ScheduleReplayTest.moreCapacityCanBeSlowerWhenAShortTaskTakesTheReviewerFirst}). Without
   * dependencies every task only needs its agent and one review, and more capacity never hurts.
   */
  @Property(tries = 500)
  void withoutDependenciesMoreCapacityNeverMakesThePlanSlower(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Plan plan = randomPlan(size, seed);
    Plan independent = new Plan(Optional.empty(), Optional.empty(), Optional.empty(), plan.tasks().stream()
        .map(t -> new Task(t.id(), t.title(), t.owns(), List.of(), "", t.line(), t.estimate())).toList());
    Simulation s = PlanSimulation.of(independent, SimulationFixture.schedule(independent), WorkDuration.ofMinutes(review), 4);

    assertNonIncreasing(all(s));
  }

  @Property(tries = 300)
  void aChainTakesTheSameTimeAtEveryCapacity(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Plan plan = randomPlan(size, seed);
    List<Task> chain = new ArrayList<>();
    for (Task t : plan.tasks()) {
      List<String> previous = chain.isEmpty() ? List.of() : List.of(chain.get(chain.size() - 1).id());
      chain.add(new Task(t.id(), t.title(), t.owns(), previous, "", t.line(), t.estimate()));
    }
    Plan chained = new Plan(Optional.empty(), Optional.empty(), Optional.empty(), chain);
    Simulation s = PlanSimulation.of(chained, SimulationFixture.schedule(chained), WorkDuration.ofMinutes(review), 4);

    all(s).forEach(r -> assertEquals(s.serialTime(), r.wallTime(), "capacity " + r.capacity()));
    assertEquals(Optional.of(1), s.enoughCapacity());
  }

  @Property(tries = 300)
  void anyCapacityIsAtLeastAsFastAsOneAtATime(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Simulation s = simulate(size, seed, review);

    all(s).forEach(r -> assertTrue(r.wallTime().compareTo(s.replays().get(0).wallTime()) <= 0, r.toString()));
  }

  @Property(tries = 200)
  void askingTheQueueOnlyAboutTasksThatMayStartChangesNoDecision(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review,
      @ForAll @IntRange(min = 1, max = 8) int capacity) {
    Plan plan = randomPlan(size, seed);
    var schedule = SimulationFixture.schedule(plan);
    List<EstimatedTask> tasks = new ArrayList<>(Estimates.of(plan.tasks()));
    tasks.sort(java.util.Comparator.comparingInt(t -> schedule.mergeOrder().get(t.id())));
    WorkDuration r = WorkDuration.ofMinutes(review);

    assertEquals(ScheduleReplay.replay(tasks, r, capacity, true), ScheduleReplay.replay(tasks, r, capacity, false));
  }

  private static void assertNonIncreasing(List<Replay> runs) {
    for (int i = 1; i < runs.size(); i++) {
      assertTrue(runs.get(i).wallTime().compareTo(runs.get(i - 1).wallTime()) <= 0,
          "capacity " + runs.get(i).capacity() + " takes " + runs.get(i).wallTime() + ", capacity "
              + runs.get(i - 1).capacity() + " " + runs.get(i - 1).wallTime());
    }
  }

  @Property(tries = 200)
  void enoughCapacityIsBeatenByNoLargerOne(
      @ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed, @ForAll @IntRange(min = 1, max = 240) int review) {
    Simulation s = simulate(size, seed, review);

    s.enoughCapacity().ifPresentOrElse(
        c -> all(s).stream().filter(r -> r.capacity() > c).forEach(r -> assertTrue(
            r.wallTime().compareTo(SimulationFixture.at(s, c)) >= 0, r + " beats capacity " + c)),
        () -> assertTrue(s.unlimited().wallTime().compareTo(s.replays().get(s.replays().size() - 1).wallTime()) < 0));
  }

  private static List<Replay> all(Simulation s) {
    List<Replay> runs = new ArrayList<>(s.replays());
    runs.add(s.unlimited());
    return runs;
  }
}
