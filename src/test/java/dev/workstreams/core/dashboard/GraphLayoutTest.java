package dev.workstreams.core.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.TaskNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

  /** The largest plan the App accepts: 50 tasks, each waiting for up to two earlier ones. */
  static Map<String, List<String>> fiftyTasks() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      List<String> d = new ArrayList<>();
      if (i >= 7 && i % 3 != 0) {
        d.add("t" + (i - 7));
      }
      if (i >= 11 && i % 4 == 1) {
        d.add("t" + (i - 11));
      }
      deps.put("t" + i, d);
    }
    return deps;
  }

  static PlanSchedule schedule(Map<String, List<String>> deps) {
    List<TaskNode> nodes = deps.entrySet().stream().map(e -> new TaskNode(e.getKey(), e.getValue())).toList();
    return new DependencyGraph(nodes).schedule().orElseThrow();
  }

  @Test
  void placesEachLevelInItsOwnColumnLeftToRight() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("api", List.of());
    deps.put("db", List.of());
    deps.put("ui", List.of("api"));
    deps.put("docs", List.of("ui", "db"));
    GraphLayout layout = GraphLayout.of(schedule(deps), deps);

    Map<String, GraphLayout.Box> boxes = new LinkedHashMap<>();
    layout.boxes().forEach(b -> boxes.put(b.taskId(), b));
    assertEquals(boxes.get("api").x(), boxes.get("db").x());
    assertTrue(boxes.get("ui").x() > boxes.get("api").x());
    assertTrue(boxes.get("docs").x() > boxes.get("ui").x());
    assertEquals(3, boxes.get("docs").mergeOrder());
    assertEquals(List.of(1, 1, 2, 3), layout.boxes().stream().map(GraphLayout.Box::level).toList());
    assertTrue(layout.width() >= boxes.get("docs").right());
  }

  @Test
  void marksTheCriticalPathOnBoxesAndEdges() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("a", List.of());
    deps.put("b", List.of("a"));
    deps.put("c", List.of("b"));
    deps.put("side", List.of("a"));
    GraphLayout layout = GraphLayout.of(schedule(deps), deps);

    assertEquals(List.of("a", "b", "c"), layout.boxes().stream().filter(GraphLayout.Box::critical)
        .map(GraphLayout.Box::taskId).toList());
    assertTrue(layout.edges().contains(new GraphLayout.Edge("a", "b", true)));
    assertTrue(layout.edges().contains(new GraphLayout.Edge("b", "c", true)));
    assertTrue(layout.edges().contains(new GraphLayout.Edge("a", "side", false)));
  }

  @Test
  void noTwoBoxesOfTheFiftyTaskPlanOverlapAndAllFitTheDrawing() {
    Map<String, List<String>> deps = fiftyTasks();
    GraphLayout layout = GraphLayout.of(schedule(deps), deps);

    assertEquals(50, layout.boxes().size());
    List<GraphLayout.Box> boxes = layout.boxes();
    for (int i = 0; i < boxes.size(); i++) {
      GraphLayout.Box a = boxes.get(i);
      assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= layout.width() && a.bottom() <= layout.height(), a.toString());
      for (int j = i + 1; j < boxes.size(); j++) {
        GraphLayout.Box b = boxes.get(j);
        boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
        assertTrue(apart, a + " overlaps " + b);
      }
    }
    long edges = deps.values().stream().mapToLong(List::size).sum();
    assertEquals(edges, layout.edges().size());
  }

  @Test
  void everyEdgeRunsLeftToRight() {
    Map<String, List<String>> deps = fiftyTasks();
    GraphLayout layout = GraphLayout.of(schedule(deps), deps);
    Map<String, GraphLayout.Box> boxes = new LinkedHashMap<>();
    layout.boxes().forEach(b -> boxes.put(b.taskId(), b));
    for (GraphLayout.Edge e : layout.edges()) {
      assertTrue(boxes.get(e.from()).right() < boxes.get(e.to()).x(), e.toString());
    }
  }

  @Test
  void anEmptyPlanDrawsAnEmptyGraph() {
    GraphLayout layout = GraphLayout.of(schedule(Map.of()), Map.of());
    assertTrue(layout.boxes().isEmpty());
    assertFalse(layout.width() < 0);
  }
}
