package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopy;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.AgentWorkers;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs agents on this instance, at most {@code AGENT_CONCURRENCY} at once, each in its task's
 * working copy; renews each running agent's heartbeat so that another instance (or this one after
 * a restart) can tell a dead run from a long one; hands every outcome to {@code reports}.
 */
public final class AgentWorkerPool implements AgentWorkers, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AgentWorkerPool.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(30);

  private final AgentProfiles profiles;
  private final TaskRun taskRun;
  private final AgentRunner runner;
  private final Function<RepositoryId, List<String>> secrets;
  private final WorkingCopies copies;
  private final PlanStore store;
  private final Clock clock;
  private final Consumer<AgentReport> reports;
  private final Semaphore slots;
  private final ExecutorService workers;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
      r -> daemon(r, "agent-heartbeats"));
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final RemoteAgents remote;

  public AgentWorkerPool(AgentProfiles profiles, int concurrency, WorkingCopies copies, AgentRunner runner,
      Function<RepositoryId, BotIdentity> identities, Function<RepositoryId, Remote> remotes,
      Function<RepositoryId, List<String>> secrets, PlanStore store, Clock clock, Consumer<AgentReport> reports) {
    this(profiles, concurrency, copies, runner, identities, remotes, secrets, store, clock, reports, RemoteAgents.NONE);
  }

  /** @param remote where profiles with {@code runner: actions} send their agents */
  public AgentWorkerPool(AgentProfiles profiles, int concurrency, WorkingCopies copies, AgentRunner runner,
      Function<RepositoryId, BotIdentity> identities, Function<RepositoryId, Remote> remotes,
      Function<RepositoryId, List<String>> secrets, PlanStore store, Clock clock, Consumer<AgentReport> reports,
      RemoteAgents remote) {
    this.remote = remote;
    this.profiles = profiles;
    this.taskRun = new TaskRun(copies, runner, remotes, secrets, identities);
    this.runner = runner;
    this.secrets = secrets;
    this.copies = copies;
    this.store = store;
    this.clock = clock;
    this.reports = reports;
    this.slots = new Semaphore(concurrency);
    this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> daemon(r, "agent-worker"));
    heartbeats.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public boolean enabled() {
    return !profiles.isEmpty();
  }

  @Override
  public Optional<String> profile(Optional<String> requested) {
    return requested.isPresent()
        ? profiles.byName(requested.get()).map(AgentProfile::name)
        : profiles.defaultProfile().map(AgentProfile::name);
  }

  @Override
  public Optional<String> unavailable() {
    // No sandbox is needed on this machine when every profile runs on GitHub Actions runners.
    if (profiles.names().stream().allMatch(name -> profiles.byName(name).map(AgentProfile::onActions).orElse(false))) {
      return Optional.empty();
    }
    return runner.unavailable();
  }

  @Override
  public int freeSlots() {
    return slots.availablePermits();
  }

  @Override
  public void start(AgentAssignment assignment) {
    AgentProfile profile = profiles.byName(assignment.profile()).orElseThrow(
        () -> new IllegalArgumentException("no agent profile " + assignment.profile()));
    if (profile.onActions()) {
      // A runner's machine, not this one: no local slot is taken while the run lasts.
      remote.start(assignment, profile);
      return;
    }
    if (!slots.tryAcquire()) {
      // The scheduler asked within freeSlots(); a race with another plan makes this run wait its turn.
      slots.acquireUninterruptibly();
    }
    CancelHandle cancel = new CancelHandle();
    String key = key(assignment.repository(), assignment.issue(), assignment.taskId());
    running.put(key, new Running(assignment, cancel));
    workers.submit(() -> {
      try {
        reports.accept(taskRun.perform(assignment, profile, cancel));
      } catch (RuntimeException e) {
        // An exception's message may quote a token-bearing URL or an agent's output: redacted, and no stack trace.
        String reason = redacted(assignment, String.valueOf(e.getMessage()));
        log.error("agent run of {}#{}/{} failed: {} ({})", assignment.repository(), assignment.issue(), assignment.taskId(),
            reason, e.getClass().getName());
        reports.accept(new AgentReport(assignment.repository(), assignment.issue(), assignment.taskId(),
            assignment.attempt(), AgentReport.Result.FAILED, "the run could not be carried out: " + reason, 0, false, List.of(), List.of()));
      } finally {
        running.remove(key);
        slots.release();
      }
    });
  }

  @Override
  public void cancel(RepositoryId repository, int issue, String taskId) {
    remote.cancel(repository, issue, taskId);
    Running run = running.get(key(repository, issue, taskId));
    if (run != null) {
      run.cancel().cancel();
    }
  }

  @Override
  public void discard(RepositoryId repository, int issue, String taskId) {
    if (running.containsKey(key(repository, issue, taskId))) {
      return;
    }
    try {
      copies.open(new RepositoryName(repository.owner(), repository.name()), new TaskKey(issue, taskId))
          .ifPresent(WorkingCopy::remove);
    } catch (RuntimeException e) {
      log.warn("cannot remove the working copy of {}#{}/{}: {}", repository, issue, taskId, e.getMessage());
    }
  }

  private void beat() {
    for (Running run : running.values()) {
      AgentAssignment a = run.assignment();
      try {
        store.heartbeat(a.repository(), a.issue(), a.taskId(), clock.instant());
      } catch (RuntimeException e) {
        log.warn("cannot renew the heartbeat of {}#{}/{}: {}", a.repository(), a.issue(), a.taskId(), e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    running.values().forEach(r -> r.cancel().cancel());
    heartbeats.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String redacted(AgentAssignment assignment, String text) {
    List<String> known = new ArrayList<>(profiles.byName(assignment.profile())
        .map(p -> p.environment().values()).orElse(List.of()));
    try {
      known.addAll(secrets.apply(assignment.repository()));
    } catch (RuntimeException e) {
      // No token to be had: the server's own secrets were not reachable either.
    }
    return Redactor.expanding(known).redact(text);
  }

  private static String key(RepositoryId repository, int issue, String taskId) {
    return repository.fullName() + "#" + issue + "/" + taskId;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private record Running(AgentAssignment assignment, CancelHandle cancel) {}
}
