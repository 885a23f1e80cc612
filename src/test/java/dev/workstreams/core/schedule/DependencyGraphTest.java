package dev.workstreams.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static TaskNode task(String id, String... deps) {
    return new TaskNode(id, List.of(deps));
  }

  @Test
  void givesMergeOrderLevelsCriticalPathAndSpeedup() {
    DependencyGraph graph = new DependencyGraph(List.of(
        task("schema"), task("api", "schema"), task("jobs", "schema"), task("ui", "api"), task("docs")));

    PlanSchedule schedule = graph.schedule().orElseThrow();

    assertEquals(Map.of("schema", 1, "api", 2, "jobs", 2, "ui", 3, "docs", 1), schedule.mergeOrder());
    assertEquals(List.of(List.of("schema", "docs"), List.of("api", "jobs"), List.of("ui")), schedule.levels());
    assertEquals(List.of("schema", "api", "ui"), schedule.criticalPath());
    assertEquals(2, schedule.widestLevel());
    assertEquals(5.0 / 3, schedule.expectedSpeedup(), 1e-9);
    assertFalse(schedule.mostlySequential());
  }

  @Test
  void takesTheLargestDependencyOrderPlusOne() {
    PlanSchedule schedule = new DependencyGraph(List.of(
        task("d", "a", "c"), task("a"), task("b", "a"), task("c", "b"))).schedule().orElseThrow();

    assertEquals(Map.of("a", 1, "b", 2, "c", 3, "d", 4), schedule.mergeOrder());
    assertEquals(List.of("a", "b", "c", "d"), schedule.criticalPath());
    assertEquals(1.0, schedule.expectedSpeedup(), 1e-9);
    assertTrue(schedule.mostlySequential());
  }

  @Test
  void independentTasksAllMergeFirst() {
    PlanSchedule schedule = new DependencyGraph(List.of(task("a"), task("b"), task("c"), task("d")))
        .schedule().orElseThrow();

    assertEquals(List.of(List.of("a", "b", "c", "d")), schedule.levels());
    assertEquals(List.of("a"), schedule.criticalPath());
    assertEquals(4, schedule.widestLevel());
    assertEquals(4.0, schedule.expectedSpeedup(), 1e-9);
  }

  @Test
  void findsEachCycleOnceAsAPath() {
    DependencyGraph graph = new DependencyGraph(List.of(
        task("a", "b"), task("b", "a"), task("c", "d"), task("d", "e"), task("e", "c"), task("f", "a")));

    assertEquals(List.of(List.of("a", "b", "a"), List.of("c", "d", "e", "c")), sortedByStart(graph.cycles()));
    assertTrue(graph.schedule().isEmpty());
  }

  @Test
  void ignoresSelfAndUnknownDependenciesWhichValidationReports() {
    PlanSchedule schedule = new DependencyGraph(List.of(task("a", "a", "ghost"), task("b", "a")))
        .schedule().orElseThrow();

    assertEquals(Map.of("a", 1, "b", 2), schedule.mergeOrder());
  }

  @Test
  void handlesLongChainsWithoutRecursion() {
    List<TaskNode> chain = new java.util.ArrayList<>();
    chain.add(task("t0"));
    for (int i = 1; i < 5000; i++) {
      chain.add(task("t" + i, "t" + (i - 1)));
    }

    assertEquals(5000, new DependencyGraph(chain).schedule().orElseThrow().mergeOrder().get("t4999"));
  }

  private static List<List<String>> sortedByStart(List<List<String>> cycles) {
    return cycles.stream().sorted(java.util.Comparator.comparing((List<String> c) -> c.get(0))).toList();
  }
}
