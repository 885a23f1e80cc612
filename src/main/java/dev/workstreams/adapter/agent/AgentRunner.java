package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.adapter.agent.sandbox.SandboxRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an agent profile in a working copy: the setup commands, each within the setup timeout, then
 * the agent's command with the prompt on standard input, within the profile's timeout. Each of them
 * runs confined by the {@link AgentSandbox} and within the profile's limits. Output of all of them
 * goes to one log file per run. On timeout or cancel the whole process tree is killed ({@link
 * ProcessTree}); processes left behind by an agent that exited are killed as well. Blocks the
 * calling thread for the length of the run; {@link CancelHandle} stops it from another one.
 */
public final class AgentRunner {

  /** How many of the log's last lines a run keeps for comments. */
  public static final int TAIL_LINES = 50;

  private final Path dataDir;
  private final Clock clock;
  private final SupervisedProcess processes;
  private final AgentSandbox sandbox;

  /** Unsandboxed and without limits, 5 s to exit after SIGTERM: for tests of what surrounds a run, never the server. */
  public AgentRunner(Path dataDir, Clock clock) {
    this(dataDir, clock, Duration.ofSeconds(5));
  }

  /** Unsandboxed and without limits: for tests and tools that run trusted commands, never the server. */
  public AgentRunner(Path dataDir, Clock clock, Duration killGrace) {
    this(dataDir, clock, killGrace, AgentSandbox.off(new ResourceControl.Unlimited()));
  }

  /**
   * @param dataDir the server's {@code DATA_DIR}; logs go to {@code logs/}, run folders to {@code runs/}
   * @param killGrace how long a killed process may take to exit after SIGTERM before SIGKILL
   */
  public AgentRunner(Path dataDir, Clock clock, Duration killGrace, AgentSandbox sandbox) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.processes = new SupervisedProcess(new ProgramPath(), new ProcessTree(killGrace));
    this.sandbox = sandbox;
  }

  /** Why this runner cannot start agents (bubblewrap asked for but not working); empty when it can. */
  public Optional<String> unavailable() {
    return sandbox.unavailable();
  }

  public AgentRun run(AgentRequest request) {
    return run(request, new CancelHandle());
  }

  public AgentRun run(AgentRequest request, CancelHandle cancel) {
    long started = System.nanoTime();
    try {
      RunLog log = RunLog.create(dataDir.resolve("logs"), request.task(), clock);
      AgentOutcome outcome;
      try (RunFolder folder = RunFolder.create(dataDir.resolve("runs"), request.task(), request.prompt())) {
        Map<String, String> env = AgentEnvironment.of(request, folder.promptFile(), folder.home());
        outcome = runSteps(request, env, log, cancel, folder);
      }
      Duration duration = Duration.ofNanos(System.nanoTime() - started);
      log.note(RunSummary.describe(outcome) + " after " + DurationText.format(duration.withNanos(0)));
      log.redact(Redactor.expanding(secrets(request)));
      return new AgentRun(outcome, duration, log.path(), log.tail(TAIL_LINES));
    } catch (IOException e) {
      throw new UncheckedIOException("agent run for " + request.task() + ": cannot write its log or run folder", e);
    }
  }

  /** The caller's secrets and the profile's values, but for PATH and HOME: they are no secret. */
  private static List<String> secrets(AgentRequest request) {
    List<String> secrets = new ArrayList<>(request.secrets());
    request.profile().environment().forEach((name, value) -> {
      if (!name.equals("PATH") && !name.equals("HOME")) {
        secrets.add(value);
      }
    });
    return secrets;
  }

  private AgentOutcome runSteps(AgentRequest request, Map<String, String> env, RunLog log, CancelHandle cancel,
      RunFolder folder) throws IOException {
    AgentProfile profile = request.profile();
    SupervisedProcess.Confiner confiner = program -> sandbox.confine(request.task().issue() + "-" + request.task().taskId(),
        new SandboxRun(request.workingDirectory(), sharedObjects(request), folder.home(), folder.promptFile(), program),
        profile.sandbox());
    for (List<String> setup : profile.setup()) {
      log.note("setup: " + String.join(" ", setup) + " (timeout " + DurationText.format(profile.setupTimeout()) + ")");
      SupervisedProcess.Ending ending = processes.run(setup, request.workingDirectory(), env, log.path(),
          Optional.empty(), profile.setupTimeout(), cancel, confiner);
      if (!(ending instanceof SupervisedProcess.Ending.Exited exited && exited.status() == 0)) {
        return RunSummary.ofSetup(setup, profile.setupTimeout(), ending);
      }
    }
    log.note("agent " + profile.name() + ": " + String.join(" ", profile.command())
        + " (timeout " + DurationText.format(profile.timeout()) + ")");
    SupervisedProcess.Ending ending = processes.run(profile.command(), request.workingDirectory(), env,
        log.path(), Optional.of(request.prompt()), profile.timeout(), cancel, confiner);
    return RunSummary.ofAgent(profile.command(), profile.timeout(), ending);
  }

  /**
   * The repository's shared object store, which the copy's {@code .git/objects/info/alternates}
   * names (laid out by {@code adapter/git}'s {@code Mirrors}). Taken from the layout, not from the
   * alternates file: the agent writes in its copy, and could name any folder there for its next run.
   */
  private List<Path> sharedObjects(AgentRequest request) {
    Path objects = dataDir.resolve("repos").resolve(request.task().owner())
        .resolve(request.task().repository() + ".git").resolve("objects");
    return Files.isDirectory(objects) ? List.of(objects) : List.of();
  }
}
