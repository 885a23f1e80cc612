package dev.workstreams.core.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.schedule.WorkstreamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DependencySvgTest {

  @Test
  void drawsOneBoxPerTaskWithItsStateMergeOrderAndTheCriticalPath() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("api", List.of());
    deps.put("ui", List.of("api"));
    deps.put("docs", List.of());
    GraphLayout layout = GraphLayout.of(GraphLayoutTest.schedule(deps), deps);
    String svg = DependencySvg.render(layout, Map.of(
        "api", new DependencySvg.Node("The API", WorkstreamState.MERGED),
        "ui", new DependencySvg.Node("The UI", WorkstreamState.RUNNING)));

    assertEquals(3, Pattern.compile("<rect ").matcher(svg).results().count());
    assertTrue(svg.contains("class=\"task state-merged critical\" data-task=\"api\" data-level=\"1\""), svg);
    assertTrue(svg.contains("class=\"task state-running critical\" data-task=\"ui\" data-level=\"2\""), svg);
    assertTrue(svg.contains("class=\"task state-pending\" data-task=\"docs\""), svg);
    assertTrue(svg.contains(">#2</text>"), svg);
    assertTrue(svg.contains("<path class=\"edge critical\""), svg);
    assertTrue(svg.contains("ui: The UI (agent running, merge order 2, on the critical path)"), svg);
  }

  @Test
  void titlesCannotOpenTagsInTheDrawing() {
    Map<String, List<String>> deps = Map.of("x", List.of());
    String svg = DependencySvg.render(GraphLayout.of(GraphLayoutTest.schedule(deps), deps),
        Map.of("x", new DependencySvg.Node("<script>alert(1)</script> & \"q\"", WorkstreamState.QUEUED)));

    assertFalse(svg.contains("<script>"));
    assertTrue(svg.contains("&lt;script&gt;"));
  }

  @Test
  void theFiftyTaskPlanDrawsEveryTaskAndEdge() {
    Map<String, List<String>> deps = GraphLayoutTest.fiftyTasks();
    GraphLayout layout = GraphLayout.of(GraphLayoutTest.schedule(deps), deps);
    String svg = DependencySvg.render(layout, Map.of());
    assertEquals(50, Pattern.compile("<rect ").matcher(svg).results().count());
    assertEquals(layout.edges().size(), Pattern.compile("<path class=\"edge").matcher(svg).results().count());
  }
}
