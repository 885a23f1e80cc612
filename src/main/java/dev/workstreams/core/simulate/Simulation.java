package dev.workstreams.core.simulate;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import java.util.Optional;

/**
 * How long a plan is expected to take at each review capacity.
 *
 * @param reviewTime      what one review is taken to cost (repository config {@code review_time})
 * @param maxParallel     the capacity the plan will run at (plan, else repository config)
 * @param replays         capacities 1 to {@link PlanSimulation#CAPACITIES}, then {@code maxParallel}
 *     when it is larger, in increasing capacity
 * @param unlimited       every task in flight at once: the best any capacity can do under these rules
 * @param enoughCapacity  the smallest capacity no larger one beats (unlimited included), empty when
 *     every listed capacity is beaten by unlimited capacity
 * @param serialTime      one task at a time: every agent time and every review, one after another
 * @param criticalPath    the longest chain of dependencies by agent time plus review time
 * @param guessed         ids of the tasks without an estimate
 * @param guess           the agent time the guessed tasks were given
 */
public record Simulation(
    WorkDuration reviewTime,
    int maxParallel,
    List<Replay> replays,
    Replay unlimited,
    Optional<Integer> enoughCapacity,
    WorkDuration serialTime,
    WorkDuration criticalPath,
    List<String> guessed,
    WorkDuration guess) {

  public Simulation {
    replays = List.copyOf(replays);
    guessed = List.copyOf(guessed);
  }

  /** The run at the plan's own capacity. */
  public Replay atMaxParallel() {
    return replays.stream().filter(r -> r.capacity() == maxParallel).findFirst().orElse(unlimited);
  }
}
