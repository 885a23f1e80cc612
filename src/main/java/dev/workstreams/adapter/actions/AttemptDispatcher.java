package dev.workstreams.adapter.actions;

import dev.workstreams.adapter.agent.ActionsRunner;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.PrepareResult;
import dev.workstreams.adapter.git.PushOutcome;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.core.actions.AttemptKey;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredWorkstream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one agent attempt to GitHub Actions: the task's working copy is brought up to date with the base and pushed
 * (the runner starts from that head), the prompt is written on the pull request, the attempt recorded in the shared
 * database (or, when it waited for the Actions permission, taken back from that wait), and the repository's workflow
 * dispatched. A dispatch GitHub refuses for want of the permission leaves the attempt waiting, with one notice on the
 * plan issue, instead of failing it.
 */
final class AttemptDispatcher {

  private static final Logger log = LoggerFactory.getLogger(AttemptDispatcher.class);

  private final ActionsApi api;
  private final ActionsAttempts attempts;
  private final WorkingCopies copies;
  private final Function<RepositoryId, Remote> remotes;
  private final Function<RepositoryId, BotIdentity> identities;
  private final GitHubGateways gateways;
  private final PlanStore store;
  private final PermissionNotices notices;
  private final Clock clock;

  AttemptDispatcher(ActionsApi api, ActionsAttempts attempts, WorkingCopies copies, Function<RepositoryId, Remote> remotes,
      Function<RepositoryId, BotIdentity> identities, GitHubGateways gateways, PlanStore store, PermissionNotices notices,
      Clock clock) {
    this.api = api;
    this.attempts = attempts;
    this.copies = copies;
    this.remotes = remotes;
    this.identities = identities;
    this.gateways = gateways;
    this.store = store;
    this.notices = notices;
    this.clock = clock;
  }

  /** Whether the task branch is on GitHub as the run will start from it. */
  private sealed interface Prepared {
    /** It is, at {@code head}; {@code pullRequest} carries the prompt. */
    record Ready(int pullRequest, String head) implements Prepared {}

    record NotReady(String reason) implements Prepared {}
  }

  /**
   * Dispatches a new attempt; returns why it could not be, if it could not (nothing to report when it is already
   * recorded, or waits for the permission).
   */
  Optional<String> dispatch(AgentAssignment a, ActionsRunner runner, AttemptKey key) throws IOException {
    Prepared prepared = prepare(a);
    if (!(prepared instanceof Prepared.Ready ready)) {
      return Optional.of(((Prepared.NotReady) prepared).reason());
    }
    Instant now = clock.instant();
    if (!attempts.begin(new ActionsAttempt(a.repository(), key.text(), a, runner.workflow(), ready.head(), Optional.empty(),
        ActionsAttempt.State.DISPATCHING, false, now, now.plus(runner.timeout())))) {
      return Optional.empty();
    }
    return recorded(a, runner, key, ready);
  }

  /**
   * Dispatches again an attempt that waited for the installation to accept the Actions permission. Returns why it
   * could not be, if it could not and this caller took it out of its wait (so that it is reported once); nothing when
   * it was dispatched, waits again, or another instance took it. Throws only when the database fails, leaving the
   * attempt waiting for the event's next try.
   */
  Optional<String> dispatchAgain(ActionsAttempt waiting, ActionsRunner runner) {
    AgentAssignment a = waiting.assignment();
    Prepared prepared;
    try {
      prepared = prepare(a);
    } catch (IOException | RuntimeException e) {
      return drop(waiting, "the run could not be dispatched to GitHub Actions: " + e.getMessage());
    }
    if (!(prepared instanceof Prepared.Ready ready)) {
      return drop(waiting, ((Prepared.NotReady) prepared).reason());
    }
    Instant now = clock.instant();
    if (!attempts.resume(a.repository(), waiting.key(), ready.head(), now, now.plus(runner.timeout()))) {
      return Optional.empty();
    }
    try {
      return recorded(a, runner, AttemptKey.parse(waiting.key()).orElseThrow(), ready);
    } catch (IOException | RuntimeException e) {
      // Taken out of its wait by this caller, which recorded() then ended: reported by the caller, once.
      log.warn("agent of {}#{}/{} could not be dispatched again: {} ({})", a.repository(), a.issue(), a.taskId(),
          e.getMessage(), e.getClass().getName());
      return Optional.of("the run could not be dispatched to GitHub Actions: " + e.getMessage());
    }
  }

  /** Ends a waiting attempt that cannot be dispatched: {@code reason} when this caller ended it, else nothing. */
  Optional<String> drop(ActionsAttempt waiting, String reason) {
    return attempts.dropAwaiting(waiting.repository(), waiting.key()) ? Optional.of(reason) : Optional.empty();
  }

  /**
   * The task branch brought up to date on GitHub, or why the assignment cannot go to a runner: checked first, before
   * anything is written.
   */
  private Prepared prepare(AgentAssignment a) throws IOException {
    Optional<Integer> pullRequest = store.workstreams(a.repository(), a.issue()).stream()
        .filter(w -> w.taskId().equals(a.taskId())).findFirst().flatMap(StoredWorkstream::pullRequest).map(p -> p.number());
    if (pullRequest.isEmpty()) {
      return new Prepared.NotReady("the task has no pull request to hand its prompt to the runner");
    }
    if (a.prompt().length() > ActionsAgents.MAX_PROMPT_CHARS) {
      return new Prepared.NotReady("the prompt is longer than a pull request comment holds ("
          + ActionsAgents.MAX_PROMPT_CHARS + " characters)");
    }
    BotIdentity bot = identities.apply(a.repository());
    RepositoryName repo = new RepositoryName(a.repository().owner(), a.repository().name());
    PrepareResult prepared = copies.prepare(repo, remotes.apply(a.repository()), new TaskKey(a.issue(), a.taskId()),
        a.baseBranch(), bot);
    if (!(prepared instanceof PrepareResult.Ready ready)) {
      return new Prepared.NotReady("the task branch could not be prepared for the run: " + prepared);
    }
    // The runner checks out the branch from GitHub: it must hold the merge of the base made here.
    PushOutcome pushed = ready.copy().push(remotes.apply(a.repository()), bot);
    if (!(pushed instanceof PushOutcome.Pushed || pushed instanceof PushOutcome.UpToDate)) {
      return new Prepared.NotReady("the task branch could not be brought up to date on GitHub before the run: " + pushed);
    }
    return new Prepared.Ready(pullRequest.get(), ready.copy().taskBranchTip());
  }

  /** The attempt is recorded as this caller's: dispatched, or left waiting for the permission, or failed. */
  private Optional<String> recorded(AgentAssignment a, ActionsRunner runner, AttemptKey key, Prepared.Ready ready)
      throws IOException {
    try {
      return send(a, runner, key, ready);
    } catch (IOException | RuntimeException e) {
      // Not left waiting for a run that was never asked for: the failure is reported now, once.
      attempts.done(a.repository(), key.text());
      throw e;
    }
  }

  private Optional<String> send(AgentAssignment a, ActionsRunner runner, AttemptKey key, Prepared.Ready ready)
      throws IOException {
    IssueComment prompt = promptComment(a, ready.pullRequest(), key);
    String ref = runner.ref().isPresent() ? runner.ref().get() : api.defaultBranch(a.repository());
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("issue", String.valueOf(a.issue()));
    inputs.put("task", a.taskId());
    inputs.put("pull_request", String.valueOf(ready.pullRequest()));
    inputs.put("branch", new TaskKey(a.issue(), a.taskId()).branch());
    inputs.put("head", ready.head());
    inputs.put("attempt_key", key.text());
    inputs.put("prompt_comment", String.valueOf(prompt.id()));
    ActionsApi.Dispatch dispatch = api.dispatch(a.repository(), runner.workflow(), ref, inputs);
    if (dispatch instanceof ActionsApi.Dispatch.Unpermitted unpermitted) {
      attempts.needsPermission(a.repository(), key.text());
      log.info("agent of {}#{}/{} waits for installation {} to accept the Actions permission (GitHub: {})", a.repository(),
          a.issue(), a.taskId(), a.repository().installationId(), unpermitted.message());
      notify(a);
      return Optional.empty();
    }
    if (dispatch instanceof ActionsApi.Dispatch.Refused refused) {
      attempts.done(a.repository(), key.text());
      return Optional.of(refused.reason());
    }
    attempts.dispatched(a.repository(), key.text(), ((ActionsApi.Dispatch.Dispatched) dispatch).runId());
    log.info("agent of {}#{}/{} dispatched to GitHub Actions ({} on {}), attempt {}", a.repository(), a.issue(),
        a.taskId(), runner.workflow(), ref, key.text());
    return Optional.empty();
  }

  /** The notice on the plan issue; the wait stands without it (a later refusal or acceptance shows it again). */
  private void notify(AgentAssignment a) {
    try {
      notices.waiting(a.repository(), a.issue());
    } catch (IOException | RuntimeException e) {
      log.warn("cannot show on {}#{} that its agents wait for the Actions permission of installation {}: {}",
          a.repository(), a.issue(), a.repository().installationId(), e.getMessage());
    }
  }

  /** The prompt on the pull request, once per attempt: the runner reads it by the comment's id. */
  private IssueComment promptComment(AgentAssignment a, int pullRequest, AttemptKey key) throws IOException {
    var github = gateways.forRepository(a.repository());
    String marker = Markers.actionsPrompt(key.text());
    List<IssueComment> existing = github.commentsWithMarker(pullRequest, marker);
    return existing.isEmpty() ? github.comment(pullRequest, marker + "\n" + a.prompt()) : existing.get(0);
  }
}
