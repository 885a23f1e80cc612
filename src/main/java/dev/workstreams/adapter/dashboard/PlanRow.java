package dev.workstreams.adapter.dashboard;

import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One line of the plans page: a plan and its workstreams counted by state, read in one query. */
public record PlanRow(String repository, int issue, PlanState state, int maxParallel, Instant labelledAt,
    Optional<Instant> finishedAt, Map<WorkstreamState, Integer> counts, Duration agentTime) {

  public PlanRow {
    counts = Map.copyOf(counts);
  }
}
