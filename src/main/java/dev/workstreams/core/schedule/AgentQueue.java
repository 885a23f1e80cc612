package dev.workstreams.core.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may run next. A task becomes ready when every dependency's pull request is merged; ready
 * tasks start in merge order while the plan has fewer than {@code max_parallel} workstreams in
 * flight (agent running, or its pull request open after the agent finished) and the instance has
 * free agent slots. The rest wait, blocked when a dependency failed or was closed unmerged.
 */
public final class AgentQueue {

  private AgentQueue() {}

  /** One task as the scheduler sees it, in merge order. */
  public record Entry(String taskId, List<String> dependsOn, WorkstreamState state) {}

  /** What changes: tasks to start now, and the state (with its explanation) of every other waiting task. */
  public record Decision(List<String> start, Map<String, Placement> waiting) {}

  public record Placement(WorkstreamState state, String detail) {}

  public static Decision decide(List<Entry> tasks, int maxParallel, int freeAgentSlots) {
    Map<String, WorkstreamState> states = new LinkedHashMap<>();
    tasks.forEach(t -> states.put(t.taskId(), t.state()));
    long inFlight = tasks.stream().filter(t -> t.state().inFlight()).count();
    int room = (int) Math.max(0, Math.min(maxParallel - inFlight, freeAgentSlots));
    List<String> start = new ArrayList<>();
    Map<String, Placement> waiting = new LinkedHashMap<>();
    int queued = 0;
    for (Entry task : tasks) {
      if (!schedulable(task.state())) {
        continue;
      }
      List<String> blockers = task.dependsOn().stream().filter(d -> blocks(states.get(d))).toList();
      List<String> unmerged = task.dependsOn().stream().filter(d -> states.get(d) != WorkstreamState.MERGED).toList();
      if (!blockers.isEmpty()) {
        waiting.put(task.taskId(), new Placement(WorkstreamState.BLOCKED, blockers.stream()
            .map(d -> "`" + d + "` " + (states.get(d) == WorkstreamState.CLOSED ? "was closed without merging" : "needs attention"))
            .collect(Collectors.joining(", "))));
      } else if (!unmerged.isEmpty()) {
        waiting.put(task.taskId(), new Placement(WorkstreamState.WAITING,
            "for " + unmerged.stream().map(d -> "`" + d + "`").collect(Collectors.joining(", ")) + " to be merged"));
      } else if (start.size() < room) {
        start.add(task.taskId());
      } else {
        queued++;
        waiting.put(task.taskId(), new Placement(WorkstreamState.QUEUED, ordinal(queued) + " in line"));
      }
    }
    return new Decision(start, waiting);
  }

  private static boolean schedulable(WorkstreamState state) {
    return state == WorkstreamState.WAITING || state == WorkstreamState.QUEUED || state == WorkstreamState.BLOCKED;
  }

  // A dependency that cannot be merged as it stands: failed agent, closed pull request, or blocked itself.
  private static boolean blocks(WorkstreamState dependency) {
    return dependency == WorkstreamState.FAILED || dependency == WorkstreamState.CLOSED
        || dependency == WorkstreamState.BLOCKED || dependency == WorkstreamState.CANCELLED;
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
