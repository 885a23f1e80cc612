package dev.workstreams.core.simulate;

import dev.workstreams.core.schedule.AgentQueue;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.core.schedule.WorkDuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A discrete-event replay of the schedule the App follows. Who starts is decided by the App's own
 * {@link AgentQueue} (dependencies merged first, at most {@code capacity} workstreams in flight,
 * counting pull requests awaiting review); agents are not the bottleneck (the instance's agent
 * slots are taken as unlimited). One reviewer takes the first ready pull request in merge order,
 * reviews it for the review time and merges it, which frees capacity and may make others ready.
 */
public final class ScheduleReplay {

  private ScheduleReplay() {}

  /**
   * @param inMergeOrder the plan's tasks sorted by merge order (ties in plan order), as the App
   *     hands them to its queue; dependencies must form no cycle
   */
  public static Replay replay(List<EstimatedTask> inMergeOrder, WorkDuration review, int capacity) {
    return replay(inMergeOrder, review, capacity, false);
  }

  /**
   * @param everyTask hand the queue every task as it stands, rather than only those it may start or
   *     that hold capacity (the same decisions, at a multiple of the cost; for tests that show so)
   */
  static Replay replay(List<EstimatedTask> inMergeOrder, WorkDuration review, int capacity, boolean everyTask) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    int n = inMergeOrder.size();
    long reviewSeconds = review.seconds();
    Map<String, WorkstreamState> states = new HashMap<>();
    inMergeOrder.forEach(t -> states.put(t.id(), WorkstreamState.WAITING));
    long[] agentDone = new long[n];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(inMergeOrder.get(i).id(), i);
    }
    long now = 0;
    int merged = 0;
    int underReview = -1;
    long reviewDone = 0;
    long reviewing = 0;
    // Who may start changes only when a pull request is merged (capacity freed, dependents ready); an agent
    // finishing keeps its workstream in flight. So the queue is asked at the start and after each merge.
    boolean mergedSinceAsked = true;
    while (merged < n) {
      if (mergedSinceAsked) {
        for (String id : AgentQueue.decide(entries(inMergeOrder, states, everyTask), capacity, Integer.MAX_VALUE).start()) {
          states.put(id, WorkstreamState.RUNNING);
          agentDone[index.get(id)] = now + inMergeOrder.get(index.get(id)).agentTime().seconds();
        }
        mergedSinceAsked = false;
      }
      if (underReview < 0) {
        underReview = firstReady(inMergeOrder, states);
        if (underReview >= 0) {
          reviewDone = now + reviewSeconds;
          reviewing += reviewSeconds;
        }
      }
      long next = underReview >= 0 ? reviewDone : Long.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        if (states.get(inMergeOrder.get(i).id()) == WorkstreamState.RUNNING) {
          next = Math.min(next, agentDone[i]);
        }
      }
      if (next == Long.MAX_VALUE) {
        throw new IllegalArgumentException("tasks that can never start (a dependency cycle or an unknown id): "
            + inMergeOrder.stream().filter(t -> states.get(t.id()) == WorkstreamState.WAITING).map(EstimatedTask::id).toList());
      }
      now = next;
      for (int i = 0; i < n; i++) {
        String id = inMergeOrder.get(i).id();
        if (states.get(id) == WorkstreamState.RUNNING && agentDone[i] == now) {
          states.put(id, WorkstreamState.PUSHED);
        }
      }
      if (underReview >= 0 && reviewDone == now) {
        states.put(inMergeOrder.get(underReview).id(), WorkstreamState.MERGED);
        merged++;
        underReview = -1;
        mergedSinceAsked = true;
      }
    }
    return new Replay(capacity, new WorkDuration(now), new WorkDuration(now - reviewing));
  }

  /**
   * What the queue is asked about. Merged tasks and merged dependencies change none of its decisions
   * (a merged task holds no capacity, a merged dependency neither blocks nor waits), nor do tasks
   * still waiting for a dependency (they take no room): leaving them out saves the queue explaining
   * why each of them waits, which is most of its work.
   */
  private static List<AgentQueue.Entry> entries(
      List<EstimatedTask> tasks, Map<String, WorkstreamState> states, boolean everyTask) {
    List<AgentQueue.Entry> entries = new ArrayList<>(tasks.size());
    for (EstimatedTask t : tasks) {
      WorkstreamState state = states.get(t.id());
      if (everyTask) {
        entries.add(new AgentQueue.Entry(t.id(), t.dependsOn(), state));
      } else if (state.inFlight()
          || state == WorkstreamState.WAITING && t.dependsOn().stream().allMatch(d -> states.get(d) == WorkstreamState.MERGED)) {
        entries.add(new AgentQueue.Entry(t.id(), List.of(), state));
      }
    }
    return entries;
  }

  // The reviewer works in merge order: the lowest-ordered pull request that waits for review.
  private static int firstReady(List<EstimatedTask> tasks, Map<String, WorkstreamState> states) {
    for (int i = 0; i < tasks.size(); i++) {
      if (states.get(tasks.get(i).id()) == WorkstreamState.PUSHED) {
        return i;
      }
    }
    return -1;
  }
}
