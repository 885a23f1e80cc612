package dev.workstreams.core.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each task may be merged and what parallel sessions can gain. Merge order {@code k}: 1 for a
 * task without dependencies, else 1 + the largest k among its dependencies; level {@code k} holds
 * the tasks with merge order k, which can be reviewed in any order. The expected speed-up assumes
 * tasks of equal size: one session needs one round per task, parallel sessions one per level.
 */
public record PlanSchedule(
    Map<String, Integer> mergeOrder,
    List<List<String>> levels,
    List<String> criticalPath,
    int widestLevel,
    double expectedSpeedup) {

  /** Below this, parallel sessions barely help: the plan is mostly one chain. */
  public static final double MOSTLY_SEQUENTIAL_BELOW = 1.5;

  public PlanSchedule {
    mergeOrder = Collections.unmodifiableMap(new LinkedHashMap<>(mergeOrder));
    levels = levels.stream().map(List::copyOf).toList();
    criticalPath = List.copyOf(criticalPath);
  }

  public boolean mostlySequential() {
    return expectedSpeedup < MOSTLY_SEQUENTIAL_BELOW;
  }

  static PlanSchedule of(Map<String, Integer> order, Map<String, List<String>> dependencies) {
    int depth = order.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<List<String>> levels = new ArrayList<>();
    for (int k = 1; k <= depth; k++) {
      int level = k;
      levels.add(order.keySet().stream().filter(id -> order.get(id) == level).toList());
    }
    int widest = levels.stream().mapToInt(List::size).max().orElse(0);
    double speedup = depth == 0 ? 1.0 : (double) order.size() / depth;
    return new PlanSchedule(order, levels, criticalPath(order, dependencies, depth), widest, speedup);
  }

  // Walk back from the first task of the deepest level, each step to a dependency one level lower.
  private static List<String> criticalPath(
      Map<String, Integer> order, Map<String, List<String>> dependencies, int depth) {
    List<String> reversed = new ArrayList<>();
    String current = order.keySet().stream().filter(id -> order.get(id) == depth).findFirst().orElse(null);
    while (current != null) {
      reversed.add(current);
      int below = order.get(current) - 1;
      current = dependencies.get(current).stream().filter(d -> order.get(d) == below).findFirst().orElse(null);
    }
    List<String> path = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      path.add(reversed.get(i));
    }
    return path;
  }
}
