package dev.workstreams.adapter.actions;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.DurationText;
import dev.workstreams.adapter.agent.RemoteAgents;
import dev.workstreams.adapter.agent.TaskPublisher;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.BundleLimits;
import dev.workstreams.adapter.git.BundleResult;
import dev.workstreams.adapter.git.PrepareResult;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.git.WorkingCopy;
import dev.workstreams.adapter.agent.ActionsRunner;
import dev.workstreams.core.actions.AttemptKey;
import dev.workstreams.core.actions.RunVerdict;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.ActionsPermission;
import dev.workstreams.port.ActionsRuns;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.AgentReport.Result;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.WorkflowRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents on GitHub Actions runners. To start one, the {@link AttemptDispatcher} brings the task branch up to date on
 * GitHub, writes the prompt on the pull request, records the attempt in the shared database and dispatches the
 * repository's workflow; one GitHub refuses for want of the Actions permission waits ({@link PermissionWaits}). When its
 * run completes (the {@code workflow_run} event, or {@link #sweep} once the profile's timeout has
 * passed): the attempt's artifact is downloaded within bounds, its bundle verified and applied on
 * the task branch, and then the same {@link TaskPublisher} as for a local agent enforces ownership and
 * pushes with the App's token. The outcome goes to {@code reports} like a local run's.
 */
public final class ActionsAgents implements RemoteAgents, ActionsRuns {

  private static final Logger log = LoggerFactory.getLogger(ActionsAgents.class);
  /** A GitHub comment holds at most 65,536 characters; the marker needs a line. */
  static final int MAX_PROMPT_CHARS = 65_000;
  static final int LOG_TAIL_LINES = 50;
  static final long MAX_LOG_BYTES = 20L * 1024 * 1024;
  /** The zip around the bundle: its bound plus room for the exit status and zip headers. */
  private static final long ZIP_SLACK = 1024 * 1024;
  /** The dispatch's inputs, as the example workflow ({@code action/workstreams-agent.yml}) declares them. */
  public static final List<String> INPUTS =
      List.of("issue", "task", "pull_request", "branch", "head", "attempt_key", "prompt_comment");

  private final ActionsApi api;
  private final ActionsAttempts attempts;
  private final WorkingCopies copies;
  private final Function<RepositoryId, Remote> remotes;
  private final Function<RepositoryId, BotIdentity> identities;
  private final PlanStore store;
  private final AttemptDispatcher dispatcher;
  private final PermissionWaits waits;
  private final AgentProfiles profiles;
  private final Clock clock;
  private final Consumer<AgentReport> reports;
  private final Path scratch;
  private final BundleLimits limits;

  /**
   * @param web the GitHub web address, for the installation's settings page in the permission notice
   * @param scratch a folder of the App's for downloads ({@code DATA_DIR/actions})
   */
  public ActionsAgents(ActionsApi api, ActionsAttempts attempts, WorkingCopies copies,
      Function<RepositoryId, Remote> remotes, Function<RepositoryId, BotIdentity> identities, GitHubGateways gateways,
      String web, PlanStore store, AgentProfiles profiles, Clock clock, Consumer<AgentReport> reports, Path scratch,
      BundleLimits limits) {
    this.api = api;
    this.attempts = attempts;
    this.copies = copies;
    this.remotes = remotes;
    this.identities = identities;
    this.store = store;
    PermissionNotices notices = new PermissionNotices(api, attempts, gateways, web);
    this.dispatcher = new AttemptDispatcher(api, attempts, copies, remotes, identities, gateways, store, notices, clock);
    this.waits = new PermissionWaits(api, attempts, dispatcher, notices, profiles, reports);
    this.profiles = profiles;
    this.clock = clock;
    this.reports = reports;
    this.scratch = scratch;
    this.limits = limits;
  }

  @Override
  public void start(AgentAssignment a, AgentProfile profile) {
    ActionsRunner runner = profile.actions().orElseThrow(
        () -> new IllegalArgumentException("profile " + profile.name() + " does not run on GitHub Actions"));
    AttemptKey key = new AttemptKey(a.issue(), a.taskId(), a.attempt());
    if (attempts.find(a.repository(), key.text()).isPresent()) {
      return; // another instance (or an earlier try of this job) dispatched it, or it waits for the permission
    }
    try {
      dispatcher.dispatch(a, runner, key).ifPresent(reason -> reports.accept(report(a, Result.FAILED, reason, 0, false,
          List.of(), List.of())));
    } catch (IOException | RuntimeException e) {
      // As for a local run that could not be carried out: reported, never thrown into the plan's job.
      log.warn("agent of {}#{}/{} could not be dispatched: {} ({})", a.repository(), a.issue(), a.taskId(), e.getMessage(),
          e.getClass().getName());
      reports.accept(report(a, Result.FAILED, "the run could not be dispatched to GitHub Actions: " + e.getMessage(), 0,
          false, List.of(), List.of()));
    }
  }

  /** Where the installation's acceptance of the Actions permission resumes the attempts that waited for it. */
  public ActionsPermission permission() {
    return waits;
  }

  @Override
  public void cancel(RepositoryId repository, int issue, String taskId) {
    if (waits.cancel(repository, issue, taskId)) {
      return; // no run was ever started: nothing to cancel on GitHub
    }
    for (ActionsAttempt attempt : attempts.waiting()) {
      AgentAssignment a = attempt.assignment();
      if (!attempt.repository().equals(repository) || a.issue() != issue || !a.taskId().equals(taskId)) {
        continue;
      }
      attempts.requestCancel(repository, attempt.key());
      try {
        Optional<Long> run = attempt.runId().isPresent() ? attempt.runId()
            : api.findRun(repository, attempt.workflow(), key(attempt)).map(WorkflowRun::id);
        if (run.isPresent()) {
          api.cancel(repository, run.get());
        }
      } catch (IOException e) {
        log.warn("cannot cancel the GitHub Actions run of {} {}: {}", repository, attempt.key(), e.getMessage());
      }
    }
  }

  @Override
  public void completed(RepositoryId repository, WorkflowRun run) {
    Optional<AttemptKey> key = AttemptKey.inRunTitle(run.displayTitle());
    if (key.isEmpty() || !run.completed()) {
      return;
    }
    Optional<ActionsAttempt> attempt = attempts.find(repository, key.get().text());
    if (attempt.isEmpty() || !attempt.get().waiting()) {
      return; // not ours, or already collected: a redelivery
    }
    if (!attempts.claim(repository, key.get().text(), run.id())) {
      return; // another instance took it, or a run that only borrowed the title
    }
    collect(attempt.get(), run);
  }

  /**
   * Keeps every waiting attempt's heartbeat fresh (its agent runs elsewhere, not silent), and settles
   * those whose timeout passed: the run's result if it finished (its event was lost), else the run
   * cancelled and the attempt reported as timed out. Run now and again by every instance.
   */
  public void sweep() {
    Instant now = clock.instant();
    for (ActionsAttempt attempt : attempts.awaitingPermission()) {
      // No deadline while the permission is missing: the wait lasts until an owner accepts it, or a cancel.
      AgentAssignment a = attempt.assignment();
      try {
        store.heartbeat(attempt.repository(), a.issue(), a.taskId(), now);
      } catch (RuntimeException e) {
        log.warn("cannot renew the heartbeat of {} {}: {}", attempt.repository(), attempt.key(), e.getMessage());
      }
    }
    for (ActionsAttempt attempt : attempts.waiting()) {
      AgentAssignment a = attempt.assignment();
      try {
        store.heartbeat(attempt.repository(), a.issue(), a.taskId(), now);
        if (now.isAfter(attempt.deadline())) {
          settleLate(attempt);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("cannot check the GitHub Actions run of {} {}: {}", attempt.repository(), attempt.key(), e.getMessage());
      }
    }
  }

  private void settleLate(ActionsAttempt attempt) throws IOException {
    RepositoryId repo = attempt.repository();
    Optional<WorkflowRun> run = attempt.runId().isPresent() ? api.run(repo, attempt.runId().get())
        : api.findRun(repo, attempt.workflow(), key(attempt));
    if (run.isPresent() && run.get().completed()) {
      if (attempts.claim(repo, attempt.key(), run.get().id())) {
        collect(attempt, run.get()); // its workflow_run event was lost: the same collection, by whoever claims it
      }
      return;
    }
    if (!attempts.claim(repo, attempt.key(), run.map(WorkflowRun::id).orElse(attempt.runId().orElse(-1L)))) {
      return;
    }
    if (run.isPresent()) {
      api.cancel(repo, run.get().id());
    }
    Duration waited = Duration.between(attempt.dispatchedAt(), attempt.deadline());
    String reason = run.isPresent()
        ? "the GitHub Actions run did not finish within " + DurationText.format(waited) + " and was cancelled ("
            + run.get().htmlUrl() + ")"
        : "no GitHub Actions run of " + attempt.workflow() + " started for attempt " + attempt.key() + " within "
            + DurationText.format(waited);
    finish(attempt, report(attempt.assignment(), Result.FAILED, reason, waited.toSeconds(), false, List.of(), List.of()));
  }

  /** The claimed attempt's run finished: its artifact judged, its commits verified and pushed, the outcome reported. */
  private void collect(ActionsAttempt attempt, WorkflowRun run) {
    AgentAssignment a = attempt.assignment();
    long seconds = run.duration().toSeconds();
    Path folder = scratch.resolve(attempt.repository().owner()).resolve(attempt.repository().name()).resolve(attempt.key());
    AgentReport report;
    try {
      Files.createDirectories(folder);
      report = judge(attempt, run, folder, seconds);
    } catch (IOException | RuntimeException e) {
      report = report(a, Result.FAILED, "the result of the GitHub Actions run " + run.htmlUrl() + " could not be taken in: "
          + e.getMessage(), seconds, false, List.of(), List.of());
    } finally {
      delete(folder);
    }
    finish(attempt, report);
  }

  private AgentReport judge(ActionsAttempt attempt, WorkflowRun run, Path folder, long seconds) throws IOException {
    AgentAssignment a = attempt.assignment();
    RepositoryId repo = attempt.repository();
    AttemptKey key = key(attempt);
    Optional<RunArtifact> artifact = artifact(repo, run.id(), key, folder);
    boolean pushOnFailure = profiles.byName(a.profile()).map(AgentProfile::pushOnFailure).orElse(false);
    RunVerdict verdict = RunVerdict.of(run.conclusion().orElse("unknown"), attempt.cancelRequested(),
        artifact.map(r -> new RunVerdict.Artifact(r.exitStatus(), r.bundle().isPresent())), pushOnFailure);
    String summary = verdict.reason() + " after " + DurationText.format(Duration.ofSeconds(seconds)) + " (" + run.htmlUrl() + ")";
    List<String> tail = verdict.kind() == RunVerdict.Kind.PUBLISH ? List.of() : logTail(repo, run);
    switch (verdict.kind()) {
      case CANCELLED:
        return report(a, Result.CANCELLED, summary, seconds, false, List.of(), tail);
      case FAILED:
        return report(a, Result.FAILED, summary, seconds, false, List.of(), tail);
      default:
        break;
    }
    boolean succeeded = verdict.kind() == RunVerdict.Kind.PUBLISH;
    BotIdentity bot = identities.apply(repo);
    RepositoryName name = new RepositoryName(repo.owner(), repo.name());
    TaskKey task = new TaskKey(a.issue(), a.taskId());
    Optional<WorkingCopy> existing = copies.open(name, task);
    WorkingCopy copy;
    if (existing.isPresent()) {
      copy = existing.get();
    } else {
      PrepareResult prepared = copies.prepare(name, remotes.apply(repo), task, a.baseBranch(), bot);
      if (!(prepared instanceof PrepareResult.Ready ready)) {
        return report(a, Result.FAILED, "the task branch could not be prepared for the run's commits: " + prepared,
            seconds, false, List.of(), tail);
      }
      copy = ready.copy();
    }
    String start = copy.taskBranchTip();
    Optional<Path> bundle = artifact.flatMap(RunArtifact::bundle);
    if (bundle.isPresent()) {
      BundleResult applied = copy.applyBundle(bundle.get(), attempt.expectedHead(), limits, bot);
      if (applied instanceof BundleResult.Refused refused) {
        return report(a, Result.FAILED, refused.reason() + " (" + run.htmlUrl() + ")", seconds, false, List.of(), tail);
      }
      if (applied instanceof BundleResult.Conflict conflict) {
        return report(a, Result.FAILED, "the run's commits conflict with the task branch, which moved meanwhile, in "
            + String.join(", ", conflict.paths()) + " (" + run.htmlUrl() + ")", seconds, false, List.of(), tail);
      }
      start = ((BundleResult.Applied) applied).startCommit();
    }
    List<String> problems = new ArrayList<>();
    boolean pushed = new TaskPublisher(remotes).publish(a, copy, start, succeeded, bot, problems);
    return report(a, succeeded && pushed ? Result.SUCCEEDED : Result.FAILED, summary, seconds, pushed, problems, tail);
  }

  /** The attempt's artifact, read; empty when the run left none (or it expired). */
  private Optional<RunArtifact> artifact(RepositoryId repo, long runId, AttemptKey key, Path folder) throws IOException {
    Optional<ActionsApi.Artifact> found = api.artifacts(repo, runId).stream()
        .filter(x -> key.ownsArtifact(x.name()) && !x.expired()).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Path zip = folder.resolve("artifact.zip");
    api.downloadArtifact(repo, found.get().id(), limits.maxBytes() + ZIP_SLACK, zip);
    return Optional.of(RunArtifact.read(zip, limits.maxBytes(), folder.resolve(RunArtifact.BUNDLE)));
  }

  private List<String> logTail(RepositoryId repo, WorkflowRun run) {
    try {
      return api.failedJobLogTail(repo, run.id(), LOG_TAIL_LINES, MAX_LOG_BYTES);
    } catch (IOException e) {
      return List.of("(the job's log could not be read: " + e.getMessage() + ")");
    }
  }

  private void finish(ActionsAttempt attempt, AgentReport report) {
    // Reported first: a crash in between leaves the attempt COLLECTING, without heartbeat, so the
    // silent-agent sweep reports it interrupted and it is tried again, rather than lost.
    reports.accept(report);
    attempts.done(attempt.repository(), attempt.key());
  }

  private static AttemptKey key(ActionsAttempt attempt) {
    return AttemptKey.parse(attempt.key()).orElseThrow();
  }

  private static void delete(Path folder) {
    try {
      FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", folder, e.getMessage());
    }
  }

  static AgentReport report(AgentAssignment a, Result result, String summary, long seconds, boolean pushed,
      List<String> problems, List<String> tail) {
    return new AgentReport(a.repository(), a.issue(), a.taskId(), a.attempt(), result, summary, seconds, pushed, problems,
        tail);
  }
}
