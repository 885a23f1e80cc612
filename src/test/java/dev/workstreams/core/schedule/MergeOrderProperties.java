package dev.workstreams.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MergeOrderProperties {

  /** A random acyclic plan: each task may only depend on tasks listed before it. */
  private static List<TaskNode> acyclicPlan(int size, long seed) {
    Random random = new Random(seed);
    List<TaskNode> tasks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> deps = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (random.nextInt(4) == 0) {
          deps.add("t" + j);
        }
      }
      tasks.add(new TaskNode("t" + i, deps));
    }
    java.util.Collections.shuffle(tasks, random);
    return tasks;
  }

  @Property(tries = 300)
  void everyTaskMergesAfterItsDependencies(@ForAll @IntRange(min = 1, max = 50) int size, @ForAll long seed) {
    List<TaskNode> tasks = acyclicPlan(size, seed);
    PlanSchedule schedule = new DependencyGraph(tasks).schedule().orElseThrow();
    Map<String, Integer> k = schedule.mergeOrder();

    for (TaskNode task : tasks) {
      for (String dep : task.dependsOn()) {
        assertTrue(k.get(task.id()) > k.get(dep), task.id() + " must merge after " + dep);
      }
      int expected = 1 + task.dependsOn().stream().mapToInt(k::get).max().orElse(0);
      assertEquals(expected, k.get(task.id()));
    }
    assertEquals(schedule.levels().size(), schedule.criticalPath().size());
    assertEquals(size, schedule.levels().stream().mapToInt(List::size).sum());
  }

  @Property(tries = 200)
  void anAcyclicPlanHasNoCycleAndAnAddedBackEdgeMakesOne(
      @ForAll @IntRange(min = 2, max = 30) int size, @ForAll long seed) {
    List<TaskNode> tasks = acyclicPlan(size, seed);
    assertTrue(new DependencyGraph(tasks).cycles().isEmpty());

    PlanSchedule schedule = new DependencyGraph(tasks).schedule().orElseThrow();
    List<String> path = schedule.criticalPath();
    if (path.size() < 2) {
      return;
    }
    String first = path.get(0);
    String last = path.get(path.size() - 1);
    List<TaskNode> withCycle = new ArrayList<>();
    for (TaskNode t : tasks) {
      List<String> deps = new ArrayList<>(t.dependsOn());
      if (t.id().equals(first)) {
        deps.add(last);
      }
      withCycle.add(new TaskNode(t.id(), deps));
    }
    List<List<String>> cycles = new DependencyGraph(withCycle).cycles();
    assertEquals(1, cycles.size());
    List<String> cycle = cycles.get(0);
    assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
  }
}
