package dev.workstreams.testing;

import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans and workstreams of one repository, in memory, for workflow tests without a database. */
public final class FakePlanStore implements PlanStore {

  private final Map<Integer, StoredPlan> plans = new LinkedHashMap<>();
  private final Map<Integer, Map<String, StoredWorkstream>> workstreams = new LinkedHashMap<>();
  private final Map<String, Instant> heartbeats = new LinkedHashMap<>();

  @Override
  public Optional<StoredPlan> plan(RepositoryId repository, int issue) {
    return Optional.ofNullable(plans.get(issue));
  }

  @Override
  public void savePlan(StoredPlan plan) {
    plans.put(plan.issue(), plan);
  }

  @Override
  public List<StoredWorkstream> workstreams(RepositoryId repository, int issue) {
    return new ArrayList<>(workstreams.getOrDefault(issue, Map.of()).values());
  }

  @Override
  public void saveWorkstream(RepositoryId repository, int issue, StoredWorkstream workstream) {
    workstreams.computeIfAbsent(issue, i -> new LinkedHashMap<>()).put(workstream.taskId(), workstream);
  }

  @Override
  public Optional<PlanTask> taskOfPullRequest(RepositoryId repository, int pullRequest) {
    for (Map.Entry<Integer, Map<String, StoredWorkstream>> plan : workstreams.entrySet()) {
      for (StoredWorkstream w : plan.getValue().values()) {
        if (w.pullRequest().map(pr -> pr.number() == pullRequest).orElse(false)) {
          return Optional.of(new PlanTask(plan.getKey(), w.taskId()));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<StoredPlan> activePlans(RepositoryId repository) {
    return plans.values().stream().filter(p -> p.state() == PlanState.ACTIVE).toList();
  }

  @Override
  public void heartbeat(RepositoryId repository, int issue, String taskId, Instant at) {
    heartbeats.put(issue + "/" + taskId, at);
  }

  /** Running workstreams whose last heartbeat (or agent start) is older than {@code before}. */
  @Override
  public List<RunningTask> silentAgents(Instant before) {
    List<RunningTask> silent = new ArrayList<>();
    workstreams.forEach((issue, rows) -> rows.values().forEach(w -> {
      Instant lastHeard = heartbeats.getOrDefault(issue + "/" + w.taskId(), w.agentStartedAt().orElse(Instant.MIN));
      if (w.state() == WorkstreamState.RUNNING && lastHeard.isBefore(before)) {
        silent.add(new RunningTask(plans.get(issue).repository(), issue, w.taskId(), w.attempts()));
      }
    }));
    return silent;
  }
}
