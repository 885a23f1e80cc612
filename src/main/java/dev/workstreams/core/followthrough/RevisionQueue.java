package dev.workstreams.core.followthrough;

import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.core.text.GitHubText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which revisions start now. Every trigger waiting for one workstream folds into one revision; a
 * revision never starts while the workstream's agent runs; a trigger about a head that moved is
 * dropped; {@code /workstreams revise} resets the count; past {@code max_revisions} the workstream
 * needs a person; past its agent time budget (or the plan's) nothing starts. Revisions of pull
 * requests awaiting review go first, then lower merge order, within the free agent slots.
 */
public final class RevisionQueue {

  private RevisionQueue() {}

  /**
   * One workstream with triggers waiting.
   *
   * @param currentHead the branch's head as last seen; empty when unknown (no staleness check then)
   * @param revisionsUsed revisions run since the count was last reset
   * @param needsHuman whether the limit was reached and no person has answered yet
   */
  public record Candidate(String taskId, int mergeOrder, WorkstreamState state, String currentHead,
      List<Trigger> pending, int revisionsUsed, boolean needsHuman, long agentSeconds) {
    public Candidate {
      pending = List.copyOf(pending);
    }
  }

  /** A revision to start: its number (1-based, since the last reset) and the triggers it answers. */
  public record Revision(String taskId, int number, boolean resetCount, List<Trigger> triggers) {
    public Revision {
      triggers = List.copyOf(triggers);
    }
  }

  /** A trigger that will never start anything, with the note saying why. */
  public record Dropped(String taskId, Trigger trigger, String reason) {}

  /**
   * @param start revisions to start now, in the order to start them
   * @param dropped triggers dropped, with reasons
   * @param needsHuman workstreams that just reached the limit (label and one comment)
   * @param waiting workstreams whose triggers wait (agent running, no slot), with the reason
   */
  public record Decision(List<Revision> start, List<Dropped> dropped, Map<String, String> needsHuman,
      Map<String, String> waiting) {}

  public static Decision decide(List<Candidate> candidates, FollowThroughSettings settings, long planAgentSeconds,
      int freeSlots) {
    List<Revision> eligible = new ArrayList<>();
    List<Dropped> dropped = new ArrayList<>();
    Map<String, String> needsHuman = new LinkedHashMap<>();
    Map<String, String> waiting = new LinkedHashMap<>();
    Map<String, Candidate> byTask = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      byTask.put(c.taskId(), c);
      if (c.pending().isEmpty()) {
        continue;
      }
      if (c.state().finished()) {
        c.pending().forEach(t -> dropped.add(new Dropped(c.taskId(), t, "the pull request is " + c.state().text())));
        continue;
      }
      if (c.state() == WorkstreamState.RUNNING) {
        waiting.put(c.taskId(), "waits for the running agent to finish");
        continue;
      }
      if (!revisable(c.state())) {
        waiting.put(c.taskId(), "waits for the task's first agent run");
        continue;
      }
      List<Trigger> live = new ArrayList<>();
      for (Trigger t : c.pending()) {
        if (stale(t, c.currentHead())) {
          dropped.add(new Dropped(c.taskId(), t, "stale: the head moved from " + GitHubText.shortSha(t.headSha()) + " to "
              + GitHubText.shortSha(c.currentHead())));
        } else {
          live.add(t);
        }
      }
      if (live.isEmpty()) {
        continue;
      }
      boolean reset = live.stream().anyMatch(t -> t instanceof Trigger.Review r && r.command());
      int used = reset ? 0 : c.revisionsUsed();
      String refusal = "";
      if (c.needsHuman() && !reset) {
        refusal = "the workstream waits for a person (`/workstreams revise` or `/workstreams retry`)";
      } else if (used >= settings.maxRevisions()) {
        refusal = "the limit of " + settings.maxRevisions() + " revisions is reached";
        needsHuman.put(c.taskId(), refusal);
      } else if (c.agentSeconds() >= settings.agentTimeBudgetSeconds()) {
        refusal = "the task's agent time budget of " + BudgetText.show(settings.agentTimeBudgetSeconds()) + " is used ("
            + BudgetText.show(c.agentSeconds()) + ")";
      } else if (settings.planTimeBudgetSeconds().isPresent()
          && planAgentSeconds >= settings.planTimeBudgetSeconds().getAsLong()) {
        refusal = "the plan's time budget of " + BudgetText.show(settings.planTimeBudgetSeconds().getAsLong())
            + " is used (" + BudgetText.show(planAgentSeconds) + ")";
      }
      if (!refusal.isEmpty()) {
        String why = refusal;
        live.forEach(t -> dropped.add(new Dropped(c.taskId(), t, why)));
        continue;
      }
      eligible.add(new Revision(c.taskId(), used + 1, reset, live));
    }
    eligible.sort(Comparator.<Revision>comparingInt(r -> byTask.get(r.taskId()).state() == WorkstreamState.PUSHED ? 0 : 1)
        .thenComparingInt(r -> byTask.get(r.taskId()).mergeOrder())
        .thenComparing(Revision::taskId));
    int room = Math.max(0, freeSlots);
    List<Revision> start = new ArrayList<>(eligible.subList(0, Math.min(room, eligible.size())));
    eligible.subList(start.size(), eligible.size()).forEach(r -> waiting.put(r.taskId(), "waits for a free agent slot"));
    return new Decision(start, dropped, needsHuman, waiting);
  }

  /** A workstream whose agent ran: its pull request awaits review, or its agent failed or was cancelled. */
  static boolean revisable(WorkstreamState state) {
    return state == WorkstreamState.PUSHED || state == WorkstreamState.FAILED || state == WorkstreamState.CANCELLED;
  }

  /** Only a CI trigger is tied to its head: a review stays meaningful after a push, a merge is about the base. */
  static boolean stale(Trigger trigger, String currentHead) {
    return trigger instanceof Trigger.ChecksFailed && !currentHead.isEmpty() && !trigger.headSha().equals(currentHead);
  }
}
