package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.agent.AgentTask;
import dev.workstreams.adapter.agent.RunLogs;
import dev.workstreams.adapter.dashboard.DashboardReads;
import dev.workstreams.adapter.dashboard.TimelineEntry;
import dev.workstreams.web.dashboard.PlanView.TaskView;
import dev.workstreams.core.dashboard.DependencySvg;
import dev.workstreams.core.dashboard.GraphLayout;
import dev.workstreams.core.dashboard.PlanStanding;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one plan for its page: the stored plan parsed again (the rules in force), its rows, its timeline. */
final class PlanViews {

  private final PlanStore plans;
  private final DashboardReads reads;
  private final RunLogs logs;
  private final PlanChecker checker = new PlanChecker();
  /**
   * Checked plans by issue body: the body of a running plan rarely changes, and checking it again (YAML,
   * overlap analysis) on every page view would cost more than the rest of the page together.
   */
  private final Map<String, PlanReport> checked = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PlanReport> eldest) {
      return size() > CHECKED_PLANS;
    }
  });
  private static final int CHECKED_PLANS = 256;

  PlanViews(PlanStore plans, DashboardReads reads, RunLogs logs) {
    this.plans = plans;
    this.reads = reads;
    this.logs = logs;
  }

  Optional<PlanView> view(RepositoryId repository, int issue) {
    Optional<StoredPlan> found = plans.plan(repository, issue);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredPlan plan = found.get();
    Map<String, StoredWorkstream> rows = new LinkedHashMap<>();
    plans.workstreams(repository, issue).forEach(w -> rows.put(w.taskId(), w));
    PlanReport report = checked.computeIfAbsent(String.join("\n", plan.shared()) + "\u0000" + plan.issueBody(),
        key -> checker.check(plan.issueBody(), plan.shared()));
    Optional<PlanSchedule> schedule = plan.state() == PlanState.REJECTED || !report.valid() ? Optional.empty() : report.schedule();
    List<TaskView> tasks = schedule.map(s -> tasks(repository, issue, report, s, rows)).orElse(List.of());
    Map<WorkstreamState, Integer> counts = new EnumMap<>(WorkstreamState.class);
    rows.values().forEach(w -> counts.merge(w.state(), 1, Integer::sum));
    PlanStanding standing = PlanStanding.of(plan.state() == PlanState.REJECTED, plan.state() == PlanState.CANCELLED, counts,
        plan.maxParallel());
    String svg = schedule.map(s -> svg(report, s, tasks)).orElse("");
    Duration agentTime = rows.values().stream().map(StoredWorkstream::agentTime).reduce(Duration.ZERO, Duration::plus);
    return Optional.of(new PlanView(repository.fullName(), issue, standing, plan.labelledAt(), schedule, tasks, svg,
        timeline(plan, rows), agentTime, plan.integrationNote()));
  }

  private List<TaskView> tasks(RepositoryId repository, int issue, PlanReport report, PlanSchedule schedule,
      Map<String, StoredWorkstream> rows) {
    List<Task> ordered = new ArrayList<>(report.plan().tasks());
    ordered.sort(Comparator.comparingInt(t -> schedule.mergeOrder().get(t.id())));
    List<String> queue = ordered.stream().map(Task::id)
        .filter(id -> state(rows, id) == WorkstreamState.QUEUED).toList();
    List<TaskView> views = new ArrayList<>();
    for (Task task : ordered) {
      Optional<StoredWorkstream> row = Optional.ofNullable(rows.get(task.id()));
      WorkstreamState state = state(rows, task.id());
      views.add(new TaskView(task.id(), task.title(), schedule.mergeOrder().get(task.id()),
          schedule.criticalPath().contains(task.id()), task.dependsOn(), state, waiting(task, state, row, queue, rows),
          row.flatMap(StoredWorkstream::pullRequest).map(ObservedPullRequest::number), row.map(StoredWorkstream::attempts).orElse(0),
          row.map(StoredWorkstream::agentTime).orElse(Duration.ZERO), hasLogs(repository, issue, task.id())));
    }
    return views;
  }

  private boolean hasLogs(RepositoryId repository, int issue, String taskId) {
    try {
      return !logs.runs(new AgentTask(repository.owner(), repository.name(), issue, taskId)).isEmpty();
    } catch (IllegalArgumentException unusableName) {
      return false;
    }
  }

  private static WorkstreamState state(Map<String, StoredWorkstream> rows, String id) {
    return Optional.ofNullable(rows.get(id)).map(StoredWorkstream::state).orElse(WorkstreamState.PENDING);
  }

  /** Where a workstream stands in words: its place in the plan's queue, the dependencies it waits for, or the App's note. */
  private static String waiting(Task task, WorkstreamState state, Optional<StoredWorkstream> row, List<String> queue,
      Map<String, StoredWorkstream> rows) {
    if (state == WorkstreamState.QUEUED) {
      int place = queue.indexOf(task.id()) + 1;
      return "queued, " + place + " of " + queue.size() + " waiting for capacity";
    }
    if (state == WorkstreamState.WAITING) {
      List<String> open = task.dependsOn().stream().filter(d -> state(rows, d) != WorkstreamState.MERGED).toList();
      return "waits for " + String.join(", ", open) + " to be merged";
    }
    return row.map(StoredWorkstream::detail).orElse("");
  }

  private static String svg(PlanReport report, PlanSchedule schedule, List<TaskView> tasks) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    report.plan().tasks().forEach(t -> dependencies.put(t.id(), t.dependsOn()));
    Map<String, DependencySvg.Node> nodes = new LinkedHashMap<>();
    tasks.forEach(t -> nodes.put(t.id(), new DependencySvg.Node(t.title(), t.state())));
    return DependencySvg.render(GraphLayout.of(schedule, dependencies), nodes);
  }

  private List<TimelineEntry> timeline(StoredPlan plan, Map<String, StoredWorkstream> rows) {
    List<Integer> pullRequests = rows.values().stream().flatMap(w -> w.pullRequest().stream()).map(ObservedPullRequest::number).toList();
    List<TimelineEntry> entries = new ArrayList<>(reads.deliveries(plan.repository().fullName(), plan.issue(), pullRequests));
    entries.add(new TimelineEntry(plan.labelledAt(), "plan accepted from the labelled issue"));
    plan.finishedAt().ifPresent(at -> entries.add(new TimelineEntry(at, "plan finished")));
    for (StoredWorkstream w : rows.values()) {
      w.agentStartedAt().ifPresent(at -> entries.add(new TimelineEntry(at, w.taskId() + ": agent run " + w.attempts() + " started")));
      w.agentFinishedAt().ifPresent(at -> entries.add(new TimelineEntry(at, w.taskId() + ": agent run " + w.attempts() + " ended")));
      w.mergedAt().ifPresent(at -> entries.add(new TimelineEntry(at, w.taskId() + ": pull request merged")));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
    return entries;
  }
}
