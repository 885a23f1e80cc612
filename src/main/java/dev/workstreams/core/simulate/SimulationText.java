package dev.workstreams.core.simulate;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.Locale;

/** The simulation as people read it in a comment: one line, then a small table. */
public final class SimulationText {

  private SimulationText() {}

  /** One line: the expected wall time at the plan's capacity, against one session, and the knee. */
  public static String line(Simulation s) {
    Replay at = s.atMaxParallel();
    StringBuilder line = new StringBuilder();
    line.append("Expected wall time at max_parallel ").append(s.maxParallel()).append(": **")
        .append(WorkDuration.format(at.wallTime())).append("** (one at a time: ")
        .append(WorkDuration.format(s.serialTime())).append(", reviewer idle ")
        .append(WorkDuration.format(at.reviewerIdle())).append("); ")
        .append(knee(s)).append(". ");
    line.append("Review time ").append(WorkDuration.format(s.reviewTime())).append(" per pull request");
    if (!s.guessed().isEmpty()) {
      line.append("; ").append(s.guessed().size()).append(s.guessed().size() == 1 ? " task has" : " tasks have")
          .append(" no `estimate`, taken as ").append(WorkDuration.format(s.guess()));
    }
    return line.append('.').toString();
  }

  /** What more capacity does for this plan, in words. */
  public static String knee(Simulation s) {
    if (s.enoughCapacity().isEmpty()) {
      return "more than " + s.replays().get(s.replays().size() - 1).capacity() + " in flight would still help (unlimited: "
          + WorkDuration.format(s.unlimited().wallTime()) + ")";
    }
    int enough = s.enoughCapacity().get();
    return enough == 1 ? "more capacity does not help (a chain, or review-bound)"
        : "more than " + enough + " in flight does not help";
  }

  /** A Markdown table: capacity, wall time, reviewer idle time, speed-up over one at a time. */
  public static String table(Simulation s) {
    StringBuilder table = new StringBuilder("| max_parallel | wall time | reviewer idle | speed-up |\n|---|---|---|---|\n");
    for (Replay r : s.replays()) {
      String capacity = r.capacity() == s.maxParallel() ? "**" + r.capacity() + "** (plan)" : String.valueOf(r.capacity());
      table.append("| ").append(capacity).append(" | ").append(WorkDuration.format(r.wallTime())).append(" | ")
          .append(WorkDuration.format(r.reviewerIdle())).append(" | ").append(speedup(s, r)).append(" |\n");
    }
    return table.toString();
  }

  /** Serial time over this run's wall time, as {@code 1.85×}. */
  public static String speedup(Simulation s, Replay r) {
    double x = r.wallTime().isZero() ? 1.0 : (double) s.serialTime().seconds() / r.wallTime().seconds();
    return String.format(Locale.ROOT, "%.2f×", x);
  }
}
