package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.RevisionPrompt;
import dev.workstreams.core.followthrough.RevisionQueue;
import dev.workstreams.core.followthrough.RevisionStatus;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RevisionStore;
import dev.workstreams.port.RevisionStore.Revisions;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.plans.support.PlanRevisions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Follow-through's turn in the scheduler: folds each workstream's waiting triggers into one revision
 * (decided by {@link RevisionQueue}), drops stale and refused ones with a note on the pull request,
 * labels a workstream that reached its limit {@code workstreams:needs-human} with one comment, starts
 * the revisions through the scheduler's own agent start, and keeps each row's follow-through status
 * for the tracking comment.
 */
public final class StartRevisionsWhenTriggered implements PlanRevisions {

  private final PlanStore store;
  private final RevisionStore revisions;
  private final RevisionNotes notes = new RevisionNotes();

  public StartRevisionsWhenTriggered(PlanStore store, RevisionStore revisions) {
    this.store = store;
    this.revisions = revisions;
  }

  @Override
  public void startWaiting(GitHubGateway github, StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows,
      int freeSlots, Launch launch) throws IOException {
    Map<String, List<Trigger>> pending = revisions.pending(plan.repository(), plan.issue());
    Map<String, Revisions> counts = new java.util.LinkedHashMap<>(revisions.revisions(plan.repository(), plan.issue()));
    if (pending.isEmpty() && counts.isEmpty()) {
      return; // a plan never revised: nothing to start or show (most plans, on most events)
    }
    FollowThroughSettings settings = revisions.settings(plan.repository(), plan.issue()).orElse(FollowThroughSettings.DEFAULTS);
    resetAfterRetry(plan, rows, counts);
    if (!pending.isEmpty()) {
      RevisionQueue.Decision decision = RevisionQueue.decide(candidates(desired, rows, pending, counts), settings,
          planAgentTime(rows), freeSlots);
      for (RevisionQueue.Dropped d : decision.dropped()) {
        revisions.dropped(plan.repository(), plan.issue(), d.taskId(), d.trigger().key(), d.reason());
        Optional<Integer> pr = pullRequest(rows, d.taskId());
        if (pr.isPresent()) {
          notes.dropped(github, pr.get(), d);
        }
      }
      for (Map.Entry<String, String> human : decision.needsHuman().entrySet()) {
        Revisions before = counts.getOrDefault(human.getKey(), Revisions.NONE);
        Revisions now = new Revisions(before.used(), before.lastTrigger(), true, before.headSha());
        revisions.saveRevisions(plan.repository(), plan.issue(), human.getKey(), now);
        counts.put(human.getKey(), now);
        Optional<Integer> pr = pullRequest(rows, human.getKey());
        if (pr.isPresent()) {
          notes.needsHuman(github, pr.get(), human.getKey(), human.getValue(), before);
        }
      }
      for (RevisionQueue.Revision r : decision.start()) {
        start(github, plan, desired, rows, counts, settings, r, launch);
      }
    }
    showStatus(plan, rows, counts, settings);
  }

  private void start(GitHubGateway github, StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows,
      Map<String, Revisions> counts, FollowThroughSettings settings, RevisionQueue.Revision r, Launch launch)
      throws IOException {
    Task task = desired.plan().task(r.taskId()).orElseThrow();
    String last = r.triggers().stream().map(Trigger::describe).collect(Collectors.joining("; "));
    Revisions before = counts.getOrDefault(r.taskId(), Revisions.NONE);
    Revisions now = new Revisions(r.number(), last, false, before.headSha());
    // Recorded before the agent starts, like the row: a retried job finds the triggers answered, never runs twice.
    revisions.started(plan.repository(), plan.issue(), r.taskId(), r.triggers().stream().map(Trigger::key).toList());
    revisions.saveRevisions(plan.repository(), plan.issue(), r.taskId(), now);
    counts.put(r.taskId(), now);
    if (before.needsHuman()) {
      Optional<Integer> pr = pullRequest(rows, r.taskId());
      if (pr.isPresent()) {
        github.removeLabel(pr.get(), RevisionNotes.NEEDS_HUMAN);
      }
    }
    String prompt = RevisionPrompt.compose(launch.of(task),
        new RevisionPrompt.Revision(r.number(), settings.maxRevisions(), r.triggers()));
    boolean conflict = r.triggers().stream().anyMatch(t -> t instanceof Trigger.SiblingConflict);
    launch.start(task, prompt, "revision " + r.number() + "/" + settings.maxRevisions() + ": " + last, conflict);
  }

  /** {@code /workstreams retry} answers a workstream that needs a person as much as {@code /workstreams revise}. */
  private void resetAfterRetry(StoredPlan plan, Map<String, StoredWorkstream> rows, Map<String, Revisions> counts) {
    for (Map.Entry<String, Revisions> count : List.copyOf(counts.entrySet())) {
      StoredWorkstream row = rows.get(count.getKey());
      if (row != null && count.getValue().needsHuman() && row.state() == WorkstreamState.QUEUED) {
        Revisions reset = new Revisions(0, count.getValue().lastTrigger(), false, count.getValue().headSha());
        revisions.saveRevisions(plan.repository(), plan.issue(), count.getKey(), reset);
        counts.put(count.getKey(), reset);
      }
    }
  }

  private static List<RevisionQueue.Candidate> candidates(DesiredPlan desired, Map<String, StoredWorkstream> rows,
      Map<String, List<Trigger>> pending, Map<String, Revisions> counts) {
    List<RevisionQueue.Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, List<Trigger>> waiting : pending.entrySet()) {
      StoredWorkstream row = rows.get(waiting.getKey());
      if (row == null || desired.plan().task(waiting.getKey()).isEmpty()) {
        continue; // a task removed from the plan: its triggers stay recorded, nothing runs
      }
      Revisions count = counts.getOrDefault(waiting.getKey(), Revisions.NONE);
      candidates.add(new RevisionQueue.Candidate(waiting.getKey(),
          desired.schedule().mergeOrder().getOrDefault(waiting.getKey(), Integer.MAX_VALUE), row.state(),
          count.headSha(), waiting.getValue(), count.used(), count.needsHuman(), row.agentTime().toSeconds()));
    }
    return candidates;
  }

  private static long planAgentTime(Map<String, StoredWorkstream> rows) {
    return rows.values().stream().mapToLong(r -> r.agentTime().toSeconds()).sum();
  }

  private static Optional<Integer> pullRequest(Map<String, StoredWorkstream> rows, String taskId) {
    return Optional.ofNullable(rows.get(taskId)).flatMap(StoredWorkstream::pullRequest).map(pr -> pr.number());
  }

  /**
   * The tracking comment's follow-through columns, kept in each finished run's detail: revisions k/N, the last
   * trigger, the agent time, and "needs human". A running row keeps the detail its start gave it.
   */
  private void showStatus(StoredPlan plan, Map<String, StoredWorkstream> rows, Map<String, Revisions> counts,
      FollowThroughSettings settings) {
    for (Map.Entry<String, Revisions> count : counts.entrySet()) {
      StoredWorkstream row = rows.get(count.getKey());
      if (row == null || row.state() == WorkstreamState.RUNNING) {
        continue;
      }
      Revisions c = count.getValue();
      String status = new RevisionStatus(c.used(), settings.maxRevisions(),
          c.lastTrigger().isEmpty() ? Optional.empty() : Optional.of(c.lastTrigger()), row.agentTime().toSeconds(),
          c.needsHuman()).text();
      String detail = RevisionStatusDetail.with(row.detail(), status);
      if (!detail.equals(row.detail())) {
        StoredWorkstream updated = row.withState(row.state(), detail);
        rows.put(row.taskId(), updated);
        store.saveWorkstream(plan.repository(), plan.issue(), updated);
      }
    }
  }
}
