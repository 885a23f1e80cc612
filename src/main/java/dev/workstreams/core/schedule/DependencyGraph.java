package dev.workstreams.core.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of one plan and their dependencies, in plan order. Dependencies on unknown ids and
 * on the task itself are ignored here: they are reported by plan validation.
 */
public final class DependencyGraph {

  private final Map<String, List<String>> dependencies = new LinkedHashMap<>();

  public DependencyGraph(List<TaskNode> tasks) {
    for (TaskNode task : tasks) {
      dependencies.putIfAbsent(task.id(), new ArrayList<>());
    }
    for (TaskNode task : tasks) {
      for (String dep : task.dependsOn()) {
        List<String> deps = dependencies.get(task.id());
        if (dependencies.containsKey(dep) && !dep.equals(task.id()) && !deps.contains(dep)) {
          deps.add(dep);
        }
      }
    }
  }

  /**
   * One cycle per group of tasks that wait for each other, each as a path that starts and ends
   * with the same task: {@code [a, b, c, a]}, starting from the group's first task in plan order.
   */
  public List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    for (List<String> component : new StronglyConnected(dependencies).components()) {
      if (component.size() > 1) {
        cycles.add(cycleThrough(component));
      }
    }
    return cycles;
  }

  /** Merge order and levels; empty when the graph has a cycle. */
  public Optional<PlanSchedule> schedule() {
    if (!cycles().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> order = new LinkedHashMap<>();
    for (String id : dependencies.keySet()) {
      mergeOrder(id, order);
    }
    return Optional.of(PlanSchedule.of(order, dependencies));
  }

  // k = 1 without dependencies, else 1 + the largest k among them. Iterative: 50 tasks deep is fine
  // recursively, but input size is not ours to promise.
  private int mergeOrder(String root, Map<String, Integer> order) {
    Deque<String> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      String id = stack.peek();
      if (order.containsKey(id)) {
        stack.pop();
        continue;
      }
      boolean ready = true;
      int k = 1;
      for (String dep : dependencies.get(id)) {
        Integer depOrder = order.get(dep);
        if (depOrder == null) {
          stack.push(dep);
          ready = false;
        } else {
          k = Math.max(k, depOrder + 1);
        }
      }
      if (ready) {
        order.put(id, k);
        stack.pop();
      }
    }
    return order.get(root);
  }

  private List<String> cycleThrough(List<String> component) {
    String start = dependencies.keySet().stream().filter(component::contains).findFirst().orElseThrow();
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      for (String dep : dependencies.get(id)) {
        if (dep.equals(start)) {
          return path(start, id, cameFrom);
        }
        if (component.contains(dep) && !cameFrom.containsKey(dep)) {
          cameFrom.put(dep, id);
          queue.add(dep);
        }
      }
    }
    throw new IllegalStateException("a strongly connected component without a cycle: " + component);
  }

  private static List<String> path(String start, String last, Map<String, String> cameFrom) {
    List<String> reversed = new ArrayList<>();
    reversed.add(start);
    for (String id = last; !id.equals(start); id = cameFrom.get(id)) {
      reversed.add(id);
    }
    reversed.add(start);
    List<String> path = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      path.add(reversed.get(i));
    }
    return path;
  }
}
