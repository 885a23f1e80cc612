package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.agent.AgentPrompt;
import dev.workstreams.core.agent.IssueGoal;
import dev.workstreams.core.agent.PromptInput;
import dev.workstreams.core.agent.TaskBrief;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.core.schedule.AgentQueue;
import dev.workstreams.core.schedule.AgentQueue.Placement;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentWorkers;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a plan forward: carries out recorded retry and cancel commands, starts the agents that
 * may start (dependencies merged, capacity free), says for every other task why it waits, and
 * refreshes the tracking comment. A cancelled plan stops its agents and starts nothing.
 */
public final class AgentScheduler implements PlanProgress {

  private final PlanStore store;
  private final AgentWorkers workers;
  private final TrackingComments tracking;
  private final RecordedPlans recorded;
  private final Clock clock;
  private final Notices notices = new Notices();
  private final PlanRevisions revisions;

  public AgentScheduler(PlanStore store, AgentWorkers workers, TrackingComments tracking, Clock clock) {
    this(store, workers, tracking, clock, PlanRevisions.NONE);
  }

  /** @param revisions follow-through: revisions of workstreams whose triggers wait start before new tasks */
  public AgentScheduler(PlanStore store, AgentWorkers workers, TrackingComments tracking, Clock clock,
      PlanRevisions revisions) {
    this.store = store;
    this.workers = workers;
    this.tracking = tracking;
    this.recorded = new RecordedPlans(store);
    this.clock = clock;
    this.revisions = revisions;
  }

  @Override
  public void advance(GitHubGateway github, StoredPlan plan) throws IOException {
    Optional<DesiredPlan> desired = recorded.desired(plan);
    if (desired.isEmpty() || !workers.enabled()) {
      return;
    }
    Map<String, StoredWorkstream> rows = recorded.workstreams(plan);
    if (plan.state() != PlanState.ACTIVE) {
      stopAll(plan, rows);
    } else {
      Optional<String> profile = workers.profile(plan.agent());
      if (profile.isEmpty()) {
        if (plan.agent().isPresent()) {
          notices.unknownAgentProfile(github, plan.issue(), plan.agent().get());
        }
        return;
      }
      if (workers.unavailable().isPresent()) {
        notices.agentsUnavailable(github, plan.issue(), workers.unavailable().get());
        return;
      }
      carryOutCommands(plan, rows);
      startRevisions(github, plan, desired.get(), rows, profile.get());
      schedule(plan, desired.get(), rows, profile.get());
    }
    Optional<String> body = recorded.trackingComment(plan, plan.state() != PlanState.ACTIVE);
    if (body.isPresent()) {
      tracking.show(github, store.plan(plan.repository(), plan.issue()).orElse(plan), body.get());
    }
  }

  private void schedule(StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows, String profile) {
    List<Task> tasks = new ArrayList<>(desired.plan().tasks());
    tasks.sort(Comparator.comparingInt(t -> desired.schedule().mergeOrder().get(t.id())));
    List<AgentQueue.Entry> entries = new ArrayList<>();
    for (Task task : tasks) {
      StoredWorkstream row = rows.get(task.id());
      if (row == null || row.pullRequest().isEmpty()) {
        continue; // not opened yet: ReconcilePlan comes first
      }
      WorkstreamState state = row.state() == WorkstreamState.OPEN ? WorkstreamState.WAITING : row.state();
      entries.add(new AgentQueue.Entry(task.id(), task.dependsOn(), state));
    }
    AgentQueue.Decision decision = AgentQueue.decide(entries, plan.maxParallel(), workers.freeSlots());
    for (Map.Entry<String, Placement> waiting : decision.waiting().entrySet()) {
      StoredWorkstream row = rows.get(waiting.getKey());
      if (row.state() != waiting.getValue().state() || !row.detail().equals(waiting.getValue().detail())) {
        save(plan, rows, row.withState(waiting.getValue().state(), waiting.getValue().detail()));
      }
    }
    for (String taskId : decision.start()) {
      Task task = desired.plan().task(taskId).orElseThrow();
      start(plan, rows, task, profile, prompt(plan, desired, task, rows), "attempt " + (rows.get(taskId).attempts() + 1),
          false);
    }
  }

  /** Revisions go first: finishing work frees review capacity, and they take agent slots before new tasks. */
  private void startRevisions(GitHubGateway github, StoredPlan plan, DesiredPlan desired,
      Map<String, StoredWorkstream> rows, String profile) throws IOException {
    revisions.startWaiting(github, plan, desired, rows, workers.freeSlots(), new PlanRevisions.Launch() {
      @Override
      public void start(Task task, String prompt, String detail, boolean resolveBaseConflict) {
        AgentScheduler.this.start(plan, rows, task, profile, prompt, detail, resolveBaseConflict);
      }

      @Override
      public String of(Task task) {
        return prompt(plan, desired, task, rows);
      }
    });
  }

  private void start(StoredPlan plan, Map<String, StoredWorkstream> rows, Task task, String profile, String prompt,
      String detail, boolean resolveBaseConflict) {
    StoredWorkstream row = rows.get(task.id());
    int attempt = row.attempts() + 1;
    save(plan, rows, row.withState(WorkstreamState.RUNNING, detail)
        .withAgentRun(attempt, Optional.of(clock.instant()), Optional.empty(), row.agentTime()));
    store.heartbeat(plan.repository(), plan.issue(), task.id(), clock.instant());
    workers.start(new AgentAssignment(plan.repository(), plan.issue(), task.id(), task.title(), profile,
        plan.baseBranch(), prompt, task.owns(), plan.shared(), plan.enforcement(),
        plan.protectedPaths(), plan.labelledByAdmin(), attempt, resolveBaseConflict));
  }

  private void carryOutCommands(StoredPlan plan, Map<String, StoredWorkstream> rows) {
    for (StoredWorkstream row : List.copyOf(rows.values())) {
      if (row.state().finished()) {
        // merged or closed by a person while its agent still ran: the agent's work is no longer wanted
        workers.cancel(plan.repository(), plan.issue(), row.taskId());
        workers.discard(plan.repository(), plan.issue(), row.taskId());
      }
      if (row.requested().isEmpty()) {
        continue;
      }
      StoredWorkstream done = row.withRequested(Optional.empty());
      if (row.requested().get().equals("cancel")) {
        workers.cancel(plan.repository(), plan.issue(), row.taskId());
        if (row.state() != WorkstreamState.RUNNING && !row.state().finished()) {
          done = done.withState(WorkstreamState.CANCELLED, "by a command");
        }
      } else if (!row.state().finished() && row.state() != WorkstreamState.RUNNING) {
        done = done.withState(WorkstreamState.QUEUED, "retry requested");
      }
      save(plan, rows, done);
    }
  }

  private void stopAll(StoredPlan plan, Map<String, StoredWorkstream> rows) {
    for (StoredWorkstream row : List.copyOf(rows.values())) {
      if (row.state() == WorkstreamState.RUNNING) {
        workers.cancel(plan.repository(), plan.issue(), row.taskId());
      } else if (row.state() == WorkstreamState.WAITING || row.state() == WorkstreamState.QUEUED
          || row.state() == WorkstreamState.BLOCKED) {
        save(plan, rows, row.withState(WorkstreamState.CANCELLED, "the plan was cancelled"));
      }
    }
  }

  private String prompt(StoredPlan plan, DesiredPlan desired, Task task, Map<String, StoredWorkstream> rows) {
    List<String> merged = task.dependsOn().stream()
        .map(rows::get)
        .filter(r -> r != null && r.pullRequest().isPresent())
        .map(r -> "#" + r.pullRequest().get().number() + " " + r.pullRequest().get().title())
        .toList();
    return AgentPrompt.compose(new PromptInput(new TaskBrief(task.id(), task.title(), task.prompt()),
        new IssueGoal(plan.issue(), "plan issue #" + plan.issue(), plan.issueBody()),
        task.owns(), plan.shared(), merged));
  }

  private void save(StoredPlan plan, Map<String, StoredWorkstream> rows, StoredWorkstream row) {
    rows.put(row.taskId(), row);
    store.saveWorkstream(plan.repository(), plan.issue(), row);
  }
}
