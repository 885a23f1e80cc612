package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.FollowThroughGateways;
import dev.workstreams.port.FollowThroughGitHub;
import dev.workstreams.port.FollowThroughGitHub.CheckRun;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.CheckSuitePayload;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check_suite.completed} on the head of a workstream pull request: once every check on that commit
 * completed and at least one failed ({@code failure}, {@code timed_out}, {@code startup_failure}), the failed
 * checks (name, conclusion, output, annotations) become one revision trigger. The App's own
 * {@code workstreams/ownership} is not CI: its failure is reported as ownership, never sent to an agent. With
 * {@code rerun_failed_checks: true}, failed Actions jobs are re-run once per head before an agent is asked.
 */
public final class ReviseWhenChecksFail implements EventHandler {

  static final String OWNERSHIP_CHECK = "workstreams/ownership";
  private static final Set<String> FAILED = Set.of("failure", "timed_out", "startup_failure");
  private static final int MAX_ANNOTATIONS = 50;
  /** As much of a failed Actions job's log as the prompt quotes (issue 13: the last 200 lines). */
  private static final int LOG_TAIL_LINES = 200;

  private final GitHubGateways gateways;
  private final FollowThroughGateways followThrough;
  private final TriggerIntake intake;
  private final Clock clock;

  ReviseWhenChecksFail(GitHubGateways gateways, FollowThroughGateways followThrough, TriggerIntake intake, Clock clock) {
    this.gateways = gateways;
    this.followThrough = followThrough;
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<CheckSuitePayload> event = CheckSuitePayload.from(context);
    if (event.isEmpty()) {
      return;
    }
    CheckSuitePayload suite = event.get();
    for (CheckSuitePayload.ListedPullRequest listed : suite.pullRequests()) {
      Optional<TriggerIntake.Workstream> w = intake.workstream(suite.repository(), listed.number());
      // A suite on a commit that is no longer the pull request's head says nothing about it.
      if (w.isPresent() && listed.headSha().equals(suite.headSha())) {
        answer(suite, w.get());
      }
    }
  }

  private void answer(CheckSuitePayload suite, TriggerIntake.Workstream w) throws Exception {
    var revisions = intake.revisions();
    var repository = w.plan().repository();
    int issue = w.plan().issue();
    // Two suites completing together both see every check done: the head's failures go to an agent once.
    if (revisions.seen(repository, issue, w.taskId(), "checks:" + suite.headSha() + ":")) {
      return;
    }
    FollowThroughGitHub checks = followThrough.forRepository(suite.repository());
    List<CheckRun> ci = checks.checkRuns(suite.headSha()).stream().filter(r -> !r.name().equals(OWNERSHIP_CHECK)).toList();
    if (ci.isEmpty() || ci.stream().anyMatch(r -> !r.completed())) {
      return; // the last suite to complete decides
    }
    List<CheckRun> failed = ci.stream().filter(r -> r.conclusion().filter(FAILED::contains).isPresent()).toList();
    if (failed.isEmpty()) {
      return;
    }
    FollowThroughSettings settings = intake.settings(repository, suite.defaultBranch());
    if (settings.rerunFailedChecks() && rerunOnce(checks, w, suite.headSha(), failed)) {
      return;
    }
    List<Trigger.FailedCheck> described = new ArrayList<>();
    for (CheckRun run : failed) {
      described.add(new Trigger.FailedCheck(run.name(), run.conclusion().orElse(""), run.title(), run.summary(),
          checks.annotations(run.id(), MAX_ANNOTATIONS), logTail(checks, run)));
    }
    GitHubGateway github = gateways.forRepository(suite.repository());
    intake.accept(github, w, suite.defaultBranch(), new Trigger.ChecksFailed(suite.headSha(), suite.suiteId(), described));
  }

  /** For an Actions job, the end of its log (where a test runner prints what failed); nothing for other checks. */
  private static List<String> logTail(FollowThroughGitHub checks, CheckRun run) {
    if (run.workflowRunId().isEmpty()) {
      return List.of();
    }
    try {
      return checks.jobLogTail(run.id(), LOG_TAIL_LINES);
    } catch (IOException e) {
      // The log is a help, not the trigger: its absence (expired, unreadable) is said, and the revision goes on.
      return List.of("(the job's log could not be read: " + e.getMessage() + ")");
    }
  }

  /** Re-runs the failed Actions jobs of this head, the first time only; true when GitHub took the re-run. */
  private boolean rerunOnce(FollowThroughGitHub checks, TriggerIntake.Workstream w, String headSha, List<CheckRun> failed)
      throws Exception {
    List<Long> runs = failed.stream().flatMap(r -> r.workflowRunId().stream()).distinct().toList();
    if (runs.isEmpty() || !intake.revisions().remember(w.plan().repository(), w.plan().issue(), w.taskId(),
        "rerun:" + headSha, "failed Actions jobs re-run once", clock.instant())) {
      return false;
    }
    boolean any = false;
    for (long run : runs) {
      any |= checks.rerunFailedJobs(run);
    }
    return any;
  }
}
