package dev.workstreams.adapter.actions;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.ActionsRunner;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.ActionsPermission;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts GitHub refused for want of the Actions permission: they wait (no run, no deadline, no retry) until the
 * installation accepts it, then are dispatched again as the same attempts; a cancel just ends the wait.
 */
final class PermissionWaits implements ActionsPermission {

  private static final Logger log = LoggerFactory.getLogger(PermissionWaits.class);

  private final ActionsApi api;
  private final ActionsAttempts attempts;
  private final AttemptDispatcher dispatcher;
  private final PermissionNotices notices;
  private final AgentProfiles profiles;
  private final Consumer<AgentReport> reports;

  PermissionWaits(ActionsApi api, ActionsAttempts attempts, AttemptDispatcher dispatcher, PermissionNotices notices,
      AgentProfiles profiles, Consumer<AgentReport> reports) {
    this.api = api;
    this.attempts = attempts;
    this.dispatcher = dispatcher;
    this.notices = notices;
    this.profiles = profiles;
    this.reports = reports;
  }

  /** A plan issue, whose notice lists its resumed tasks. */
  private record Plan(RepositoryId repository, int issue) {}

  @Override
  public void accepted(long installationId) {
    // Tokens keep the permissions they were made with: the dispatches below need one made after the acceptance.
    api.renewToken(installationId);
    Map<Plan, List<String>> resumed = new LinkedHashMap<>();
    for (ActionsAttempt attempt : attempts.awaitingPermission()) {
      if (attempt.repository().installationId() == installationId && dispatchAgain(attempt)) {
        AgentAssignment a = attempt.assignment();
        resumed.computeIfAbsent(new Plan(attempt.repository(), a.issue()), p -> new ArrayList<>()).add(a.taskId());
      }
    }
    resumed.forEach((plan, tasks) -> {
      try {
        if (notices.noneWaits(plan.repository(), plan.issue())) {
          notices.accepted(plan.repository(), plan.issue(), tasks);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("cannot show on {}#{} that the Actions permission of installation {} was accepted: {}",
            plan.repository(), plan.issue(), installationId, e.getMessage());
      }
    });
  }

  /**
   * Whether the attempt left its wait: dispatched (here or by another instance) rather than failed (reported here
   * when this instance ended it) or refused again.
   */
  private boolean dispatchAgain(ActionsAttempt attempt) {
    AgentAssignment a = attempt.assignment();
    Optional<ActionsRunner> runner = profiles.byName(a.profile()).flatMap(AgentProfile::actions);
    Optional<String> failure = runner.isPresent() ? dispatcher.dispatchAgain(attempt, runner.get())
        : dispatcher.drop(attempt, "the agent profile " + a.profile() + " no longer runs on GitHub Actions");
    failure.ifPresent(reason -> reports.accept(ActionsAgents.report(a, AgentReport.Result.FAILED, reason, 0, false,
        List.of(), List.of())));
    return failure.isEmpty() && attempts.find(attempt.repository(), attempt.key())
        .filter(now -> now.state() != ActionsAttempt.State.NEEDS_PERMISSION).isPresent();
  }

  /**
   * A cancel of a task whose agent waits for the permission: the wait ends, and the cancel is reported, as a run's
   * would be, so that the task does not stay running. Returns whether one was waiting.
   */
  boolean cancel(RepositoryId repository, int issue, String taskId) {
    boolean found = false;
    for (ActionsAttempt attempt : attempts.awaitingPermission()) {
      AgentAssignment a = attempt.assignment();
      if (attempt.repository().equals(repository) && a.issue() == issue && a.taskId().equals(taskId)
          && attempts.dropAwaiting(repository, attempt.key())) {
        found = true;
        reports.accept(ActionsAgents.report(a, AgentReport.Result.CANCELLED,
            "cancelled while it waited for the installation to accept the Actions permission", 0, false, List.of(),
            List.of()));
      }
    }
    if (found) {
      try {
        notices.waiting(repository, issue); // the cancelled task no longer listed as waiting
      } catch (IOException | RuntimeException e) {
        log.warn("cannot update on {}#{} which agents wait for the Actions permission: {}", repository, issue,
            e.getMessage());
      }
    }
    return found;
  }
}
