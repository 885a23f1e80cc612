package dev.workstreams.workflow.plans;

import dev.workstreams.port.AgentReport;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.PlanStore.RunningTask;
import dev.workstreams.workflow.OwnEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns agent outcomes into the App's own {@code workstreams.agent_finished} events; and finds
 * agents whose process died with its server (no heartbeat for a while) and reports them as
 * interrupted, so that they are queued again.
 */
public final class AgentReports implements Consumer<AgentReport> {

  private static final Logger log = LoggerFactory.getLogger(AgentReports.class);
  /** Four missed heartbeats: long enough for a busy machine, short enough to resume soon after a restart. */
  public static final Duration SILENCE = Duration.ofMinutes(2);

  private final OwnEvents events;
  private final PlanStore store;
  private final Clock clock;

  public AgentReports(OwnEvents events, PlanStore store, Clock clock) {
    this.events = events;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void accept(AgentReport report) {
    events.publish(ReportAgentOutcome.EVENT, ReportAgentOutcome.ACTION, report.repository().installationId(),
        report.repository().fullName(), report.issue(), ReportAgentOutcome.payload(report.repository().installationId(), report));
  }

  /** Reports every agent that fell silent as interrupted; run at start and then now and again. */
  public void reportSilentAgents() {
    try {
      for (RunningTask task : store.silentAgents(clock.instant().minus(SILENCE))) {
        log.warn("agent of {}#{}/{} fell silent: reported as interrupted", task.repository(), task.issue(), task.taskId());
        accept(new AgentReport(task.repository(), task.issue(), task.taskId(), task.attempt(), AgentReport.Result.INTERRUPTED,
            "interrupted", 0, false, List.of(), List.of()));
      }
    } catch (RuntimeException e) {
      log.warn("looking for silent agents failed: {}", e.getMessage());
    }
  }
}
