package dev.workstreams.adapter.agent.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One run's command wrapped in its limits and its sandbox; closing it removes what its limits needed. */
public final class Confinement implements AutoCloseable {

  private final ResourceControl.LimitedRun limits;
  private final Optional<Bubblewrap> bubblewrap;
  private final SandboxRun run;
  private final SandboxPolicy policy;

  Confinement(ResourceControl.LimitedRun limits, Optional<Bubblewrap> bubblewrap, SandboxRun run, SandboxPolicy policy) {
    this.limits = limits;
    this.bubblewrap = bubblewrap;
    this.run = run;
    this.policy = policy;
  }

  /** {@code argv}: the program's absolute path and its arguments. */
  public List<String> command(List<String> argv) {
    List<String> command = new ArrayList<>(limits.prefix());
    command.addAll(bubblewrap.map(b -> b.command(run, policy, argv)).orElse(argv));
    return command;
  }

  /**
   * Whether the command runs in a PID namespace of its own: killing its sandbox then kills every
   * process it started, and no session of its own is needed to find them.
   */
  public boolean ownsItsProcesses() {
    return bubblewrap.isPresent();
  }

  /** The limit a run that ended with {@code status} hit, as words for its summary. */
  public Optional<String> limitHit(int status) {
    return limits.hit(status);
  }

  @Override
  public void close() {
    limits.close();
  }
}
