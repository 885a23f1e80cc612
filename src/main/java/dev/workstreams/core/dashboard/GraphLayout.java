package dev.workstreams.core.dashboard;

import dev.workstreams.core.schedule.PlanSchedule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each task of a plan sits in its dependency graph: one column per merge-order level, left to
 * right, one box per task. Within a column, boxes are ordered by the mean row of their dependencies
 * (plan order breaks ties), which keeps most edges short and level without a full crossing minimiser:
 * plans hold at most 50 tasks and are read at a glance.
 */
public record GraphLayout(List<Box> boxes, List<Edge> edges, int width, int height) {

  public static final int BOX_WIDTH = 168;
  public static final int BOX_HEIGHT = 48;
  public static final int COLUMN_GAP = 56;
  public static final int ROW_GAP = 16;
  public static final int MARGIN = 12;

  public GraphLayout {
    boxes = List.copyOf(boxes);
    edges = List.copyOf(edges);
  }

  /** A task's box: {@code level} and {@code mergeOrder} are the same number, kept apart for the reader. */
  public record Box(String taskId, int level, int row, int x, int y, int mergeOrder, boolean critical) {
    public int right() {
      return x + BOX_WIDTH;
    }

    public int bottom() {
      return y + BOX_HEIGHT;
    }
  }

  /** A dependency: {@code to} waits for {@code from}. */
  public record Edge(String from, String to, boolean critical) {}

  /**
   * @param dependencies each task's dependencies in plan order (unknown ids are ignored: validation reports them)
   */
  public static GraphLayout of(PlanSchedule schedule, Map<String, List<String>> dependencies) {
    Set<String> critical = new HashSet<>(schedule.criticalPath());
    Map<String, Integer> rows = new HashMap<>();
    List<Box> boxes = new ArrayList<>();
    int tallest = 0;
    for (int level = 0; level < schedule.levels().size(); level++) {
      List<String> column = ordered(schedule.levels().get(level), dependencies, rows);
      for (int row = 0; row < column.size(); row++) {
        String id = column.get(row);
        rows.put(id, row);
        boxes.add(new Box(id, level + 1, row, MARGIN + level * (BOX_WIDTH + COLUMN_GAP),
            MARGIN + row * (BOX_HEIGHT + ROW_GAP), schedule.mergeOrder().get(id), critical.contains(id)));
      }
      tallest = Math.max(tallest, column.size());
    }
    int columns = schedule.levels().size();
    int width = columns == 0 ? 2 * MARGIN : 2 * MARGIN + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP;
    int height = tallest == 0 ? 2 * MARGIN : 2 * MARGIN + tallest * BOX_HEIGHT + (tallest - 1) * ROW_GAP;
    return new GraphLayout(boxes, edges(schedule, dependencies), width, height);
  }

  private static List<String> ordered(List<String> level, Map<String, List<String>> dependencies, Map<String, Integer> rows) {
    Map<String, Integer> planOrder = new LinkedHashMap<>();
    level.forEach(id -> planOrder.put(id, planOrder.size()));
    Map<String, Double> weight = new HashMap<>();
    for (String id : level) {
      List<Integer> placed = dependencies.getOrDefault(id, List.of()).stream()
          .filter(rows::containsKey).map(rows::get).toList();
      weight.put(id, placed.isEmpty() ? planOrder.get(id) : placed.stream().mapToInt(Integer::intValue).average().orElse(0));
    }
    List<String> sorted = new ArrayList<>(level);
    sorted.sort(Comparator.comparingDouble((String id) -> weight.get(id)).thenComparingInt(planOrder::get));
    return sorted;
  }

  private static List<Edge> edges(PlanSchedule schedule, Map<String, List<String>> dependencies) {
    List<String> path = schedule.criticalPath();
    Set<String> criticalSteps = new HashSet<>();
    for (int i = 1; i < path.size(); i++) {
      criticalSteps.add(path.get(i - 1) + "\n" + path.get(i));
    }
    List<Edge> edges = new ArrayList<>();
    for (List<String> level : schedule.levels()) {
      for (String to : level) {
        for (String from : dependencies.getOrDefault(to, List.of())) {
          if (schedule.mergeOrder().containsKey(from) && !from.equals(to)) {
            edges.add(new Edge(from, to, criticalSteps.contains(from + "\n" + to)));
          }
        }
      }
    }
    return edges;
  }
}
