package dev.workstreams.core.reconcile;

import java.util.Locale;

/**
 * What a finished plan achieved, for its tracking comment. A merge round is one merge-order level
 * of the plan: the pull requests that could be merged side by side. The speed-up compares the
 * agent time the tasks took, summed as if they had run one after the other, with the time that
 * really passed from the label to the last merge (review included), so it can be below 1.
 * Times are whole seconds: the core holds no clock types.
 */
public record PlanSummary(int tasks, int mergeRounds, long secondsToLastMerge, long agentSeconds) {

  public PlanSummary {
    secondsToLastMerge = Math.max(0, secondsToLastMerge);
    agentSeconds = Math.max(0, agentSeconds);
  }

  public String text() {
    StringBuilder out = new StringBuilder("**Plan finished**: ")
        .append(tasks == 1 ? "its one task is merged" : "all " + tasks + " tasks are merged")
        .append(", in ").append(plural(mergeRounds, "merge round"))
        .append(" (one round per merge-order level).\n");
    out.append("Time from the label to the last merge: ").append(duration(secondsToLastMerge))
        .append(". Agent time summed over tasks: ").append(agentSeconds == 0 ? "none" : duration(agentSeconds))
        .append(".\n");
    out.append("Speed-up over running the tasks in turn: ").append(speedup()).append('.');
    return out.toString();
  }

  private String speedup() {
    if (agentSeconds == 0) {
      return "not measured, no agent time recorded";
    }
    if (secondsToLastMerge == 0) {
      return "not measured, no time passed between the label and the last merge";
    }
    return String.format(Locale.ROOT, "%.2f× (summed agent time ÷ time from the label to the last merge)",
        (double) agentSeconds / secondsToLastMerge);
  }

  /** Two units at most: a plan's figures are read at a glance, not audited to the second. */
  static String duration(long seconds) {
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return seconds + " s";
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
