package dev.workstreams.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.dashboard.PlanRow;
import dev.workstreams.adapter.dashboard.TimelineEntry;
import dev.workstreams.core.dashboard.PlanStanding;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.json.Json;
import java.util.List;

/** The dashboard's data as JSON for scripts ({@code /api/…}): the same fields the pages show, snake_case. */
final class DashboardJson {

  private static final ObjectMapper JSON = Json.mapper();

  private DashboardJson() {}

  static String plans(List<PlanRow> rows) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode plans = root.putArray("plans");
    for (PlanRow row : rows) {
      ObjectNode p = plans.addObject().put("repository", row.repository()).put("issue", row.issue());
      standing(p, PlanPages.standing(row));
      p.put("labelled_at", row.labelledAt().toString()).put("agent_seconds", row.agentTime().toSeconds())
          .put("url", "/plans/" + row.repository() + "/" + row.issue());
    }
    return root.toString();
  }

  static String plan(PlanView view) {
    ObjectNode p = JSON.createObjectNode().put("repository", view.repository()).put("issue", view.issue());
    standing(p, view.standing());
    p.put("labelled_at", view.labelledAt().toString()).put("agent_seconds", view.agentTime().toSeconds());
    view.schedule().ifPresent(s -> analysis(p.putObject("analysis"), s));
    ArrayNode tasks = p.putArray("workstreams");
    for (PlanView.TaskView t : view.tasks()) {
      ObjectNode n = tasks.addObject().put("task", t.id()).put("title", t.title()).put("merge_order", t.mergeOrder())
          .put("critical", t.critical()).put("state", t.state().name().toLowerCase(java.util.Locale.ROOT))
          .put("state_text", t.state().text()).put("waiting", t.waiting()).put("agent_runs", t.runs())
          .put("agent_seconds", t.agentTime().toSeconds());
      t.dependsOn().forEach(n.putArray("depends_on")::add);
      t.pullRequest().ifPresentOrElse(pr -> n.put("pull_request", pr), () -> n.putNull("pull_request"));
    }
    p.put("integration", view.integration());
    ArrayNode timeline = p.putArray("timeline");
    for (TimelineEntry e : view.timeline()) {
      timeline.addObject().put("at", e.at().toString()).put("text", e.text());
    }
    return p.toString();
  }

  static String run(List<String> runs, String run, List<String> lines, String state) {
    ObjectNode root = JSON.createObjectNode().put("run", run).put("workstream_state", state);
    runs.forEach(root.putArray("runs")::add);
    lines.forEach(root.putArray("lines")::add);
    return root.toString();
  }

  static String recorded(String message) {
    return JSON.createObjectNode().put("recorded", message).toString();
  }

  static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static void standing(ObjectNode p, PlanStanding s) {
    p.put("state", s.word().text()).put("merged", s.merged()).put("total", s.total()).put("in_flight", s.inFlight())
        .put("max_parallel", s.maxParallel());
  }

  private static void analysis(ObjectNode a, PlanSchedule s) {
    a.put("levels", s.levels().size()).put("widest_level", s.widestLevel()).put("expected_speedup", s.expectedSpeedup());
    s.criticalPath().forEach(a.putArray("critical_path")::add);
  }
}
