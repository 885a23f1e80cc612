package dev.workstreams.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanProblem.Severity;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.simulate.Replay;
import dev.workstreams.core.simulate.Simulation;
import dev.workstreams.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report for scripts: the same content as the text form, as one JSON object. */
final class JsonReportWriter {

  private final ObjectWriter writer = Json.mapper().writerWithDefaultPrettyPrinter();

  String write(PlanReport report, Optional<Simulation> simulation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", report.valid());
    report.plan().base().ifPresent(b -> json.put("base", b));
    report.plan().maxParallel().ifPresent(m -> json.put("maxParallel", m));
    report.plan().agent().ifPresent(a -> json.put("agent", a));
    Map<String, Integer> order = report.schedule().map(PlanSchedule::mergeOrder).orElse(Map.of());
    json.put("tasks", report.plan().tasks().stream().map(t -> task(t, order)).toList());
    report.schedule().ifPresent(s -> json.put("analysis", analysis(s)));
    simulation.ifPresent(s -> json.put("simulation", simulation(s)));
    json.put("errors", problems(report.problems(), Severity.ERROR));
    json.put("warnings", problems(report.problems(), Severity.WARNING));
    json.put("notes", problems(report.problems(), Severity.INFO));
    try {
      return writer.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report of plain values could not be written as JSON", e);
    }
  }

  private static Map<String, Object> task(Task task, Map<String, Integer> order) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", task.id());
    json.put("title", task.title());
    json.put("owns", task.owns());
    json.put("dependsOn", task.dependsOn());
    json.put("mergeOrder", order.get(task.id()));
    json.put("line", task.line());
    return json;
  }

  private static Map<String, Object> analysis(PlanSchedule s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("levels", s.levels());
    json.put("criticalPath", s.criticalPath());
    json.put("widestLevel", s.widestLevel());
    json.put("expectedSpeedup", Math.round(s.expectedSpeedup() * 100) / 100.0);
    json.put("mostlySequential", s.mostlySequential());
    return json;
  }

  private static Map<String, Object> simulation(Simulation s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reviewTime", WorkDuration.format(s.reviewTime()));
    json.put("maxParallel", s.maxParallel());
    json.put("serialTime", WorkDuration.format(s.serialTime()));
    json.put("criticalPathTime", WorkDuration.format(s.criticalPath()));
    json.put("enoughCapacity", s.enoughCapacity().orElse(null));
    json.put("runs", s.replays().stream().map(JsonReportWriter::run).toList());
    json.put("unlimited", run(s.unlimited()));
    json.put("guessedEstimates", s.guessed());
    if (!s.guessed().isEmpty()) {
      json.put("guessedEstimate", WorkDuration.format(s.guess()));
    }
    return json;
  }

  private static Map<String, Object> run(Replay r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("capacity", r.capacity());
    json.put("wallTime", WorkDuration.format(r.wallTime()));
    json.put("wallSeconds", r.wallTime().seconds());
    json.put("reviewerIdle", WorkDuration.format(r.reviewerIdle()));
    json.put("reviewerIdleSeconds", r.reviewerIdle().seconds());
    return json;
  }

  private static Map<String, Object> problem(PlanProblem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line", problem.line());
    json.put("message", problem.message());
    return json;
  }

  private static List<Map<String, Object>> problems(List<PlanProblem> all, Severity severity) {
    return all.stream()
        .filter(p -> p.severity() == severity)
        .map(JsonReportWriter::problem)
        .toList();
  }
}
