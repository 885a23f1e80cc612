package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.json.Json;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.io.IOException;
import dev.workstreams.workflow.plans.support.AgentComments;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code workstreams.agent_finished}, the App's own event for an agent run that ended: the
 * workstream's state, a comment on its pull request when a reviewer must know something, the
 * pull request out of draft when the agent succeeded, and the plan moved forward.
 */
public final class ReportAgentOutcome implements EventHandler {

  public static final String EVENT = "workstreams";
  public static final String ACTION = "agent_finished";
  static final int MAX_ATTEMPTS = 3;
  private static final ObjectMapper JSON = Json.mapper();

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final PlanProgress progress;
  private final Clock clock;

  public ReportAgentOutcome(GitHubGateways gateways, PlanStore store, PlanProgress progress, Clock clock) {
    this.gateways = gateways;
    this.store = store;
    this.progress = progress;
    this.clock = clock;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    AgentReport report = JSON.treeToValue(context.payload().path("report"), AgentReport.class);
    Optional<StoredPlan> plan = store.plan(report.repository(), report.issue());
    Optional<StoredWorkstream> row = plan.flatMap(p -> store.workstreams(p.repository(), p.issue()).stream()
        .filter(w -> w.taskId().equals(report.taskId())).findFirst());
    if (row.isEmpty() || row.get().attempts() != report.attempt()) {
      return; // a late report of an earlier attempt, or the task is gone
    }
    GitHubGateway github = gateways.forRepository(report.repository());
    if (row.get().state() != WorkstreamState.RUNNING) {
      // Recorded by an earlier try of this job, which may have failed before moving the plan on.
      progress.advance(github, plan.get());
      return;
    }
    StoredWorkstream updated = recorded(row.get(), report);
    // GitHub first, the row last: a retry after a failed comment finds the row still RUNNING and
    // tries again; the marker keeps the comment to one.
    tellThePullRequest(github, report, updated);
    store.saveWorkstream(report.repository(), report.issue(), updated);
    progress.advance(github, store.plan(report.repository(), report.issue()).orElseThrow());
  }

  private static void tellThePullRequest(GitHubGateway github, AgentReport report, StoredWorkstream updated)
      throws IOException {
    Optional<Integer> pr = updated.pullRequest().map(p -> p.number());
    if (pr.isPresent()) {
      String marker = Markers.agentOutcome(report.taskId(), updated.attempts());
      Optional<String> comment = AgentComments.forReport(report, updated.attempts());
      if (comment.isPresent() && github.commentsWithMarker(pr.get(), marker).isEmpty()) {
        github.comment(pr.get(), marker + "\n" + comment.get());
      }
      if (report.result() == AgentReport.Result.SUCCEEDED && updated.pullRequest().get().draft()) {
        github.markReadyForReview(pr.get());
      }
    }
  }

  private StoredWorkstream recorded(StoredWorkstream row, AgentReport report) {
    Duration total = row.agentTime().plusSeconds(report.seconds());
    StoredWorkstream timed = row.withAgentRun(row.attempts(), row.agentStartedAt(), Optional.of(clock.instant()), total);
    switch (report.result()) {
      case SUCCEEDED:
        return timed.withState(WorkstreamState.PUSHED, "");
      case CANCELLED:
        return timed.withState(WorkstreamState.CANCELLED, report.summary());
      case INTERRUPTED:
        return row.attempts() < MAX_ATTEMPTS
            ? timed.withState(WorkstreamState.QUEUED, "interrupted, queued again")
            : timed.withState(WorkstreamState.FAILED, "interrupted " + row.attempts() + " times");
      default:
        return timed.withState(WorkstreamState.FAILED, report.summary());
    }
  }

  /** The event's payload: what intake needs to route it (installation, repository, plan issue) and the report. */
  public static byte[] payload(long installationId, AgentReport report) {
    var root = JSON.createObjectNode();
    root.put("action", ACTION);
    root.putObject("installation").put("id", installationId);
    root.putObject("repository").put("full_name", report.repository().fullName());
    root.putObject("issue").put("number", report.issue());
    root.set("report", JSON.valueToTree(report));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (Exception e) {
      throw new IllegalStateException("an agent report could not be written as JSON", e);
    }
  }
}
