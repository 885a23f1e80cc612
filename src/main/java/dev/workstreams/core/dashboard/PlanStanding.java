package dev.workstreams.core.dashboard;

import dev.workstreams.core.schedule.WorkstreamState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a plan stands as a whole, for the plans page: one word a person scans a list by, and the
 * figures beside it (merged of total, workstreams in flight against the plan's capacity).
 */
public record PlanStanding(Word word, int total, int merged, int inFlight, int maxParallel) {

  /** The plan's state in one word; {@code text} is what the page shows. */
  public enum Word {
    RUNNING("running"),
    WAITING_FOR_REVIEW("waiting for review"),
    DONE("done"),
    CANCELLED("cancelled"),
    INVALID("invalid");

    private final String text;

    Word(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * @param rejected  the plan was labelled but never accepted (its errors are in the tracking comment)
   * @param cancelled the trigger label was removed
   * @param counts    the plan's workstreams by state (absent states count zero)
   */
  public static PlanStanding of(boolean rejected, boolean cancelled, Map<WorkstreamState, Integer> counts, int maxParallel) {
    Map<WorkstreamState, Integer> n = new EnumMap<>(WorkstreamState.class);
    n.putAll(counts);
    int total = n.values().stream().mapToInt(Integer::intValue).sum();
    int merged = n.getOrDefault(WorkstreamState.MERGED, 0);
    int finished = merged + n.getOrDefault(WorkstreamState.CLOSED, 0);
    int inFlight = n.entrySet().stream().filter(e -> e.getKey().inFlight()).mapToInt(Map.Entry::getValue).sum();
    Word word;
    if (rejected) {
      word = Word.INVALID;
    } else if (cancelled) {
      word = Word.CANCELLED;
    } else if (total > 0 && finished == total) {
      word = Word.DONE;
    } else if (n.getOrDefault(WorkstreamState.RUNNING, 0) == 0 && n.getOrDefault(WorkstreamState.PUSHED, 0) > 0) {
      // Nothing is being worked on by an agent and something awaits a person: the plan waits for review.
      word = Word.WAITING_FOR_REVIEW;
    } else {
      word = Word.RUNNING;
    }
    return new PlanStanding(word, total, merged, inFlight, maxParallel);
  }
}
