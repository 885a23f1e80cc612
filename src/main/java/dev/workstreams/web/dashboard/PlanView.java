package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.dashboard.TimelineEntry;
import dev.workstreams.core.dashboard.PlanStanding;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkstreamState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the plan page and {@code /api/plans/{owner}/{repo}/{issue}} show of one plan. */
record PlanView(String repository, int issue, PlanStanding standing, Instant labelledAt, Optional<PlanSchedule> schedule,
    List<TaskView> tasks, String svg, List<TimelineEntry> timeline, Duration agentTime, String integration) {

  /**
   * One workstream row. {@code waiting} says where it stands in the queue or what it waits for; {@code
   * runs} counts its agent runs (the first one included).
   */
  record TaskView(String id, String title, int mergeOrder, boolean critical, List<String> dependsOn, WorkstreamState state,
      String waiting, Optional<Integer> pullRequest, int runs, Duration agentTime, boolean hasLogs) {}
}
