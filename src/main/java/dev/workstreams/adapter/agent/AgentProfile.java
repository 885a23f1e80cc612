package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.agent.sandbox.SandboxPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operator-defined way of running an agent. Only the operator's agents file makes these; a
 * repository or a plan can only name one.
 *
 * @param command the program (a name looked up on the agent's {@code PATH}, or an absolute path)
 *     and its arguments; the prompt goes to its standard input
 * @param setup commands run first, in the working copy, each within {@code setupTimeout}
 * @param environment the only variables passed from the server to the agent, values expanded
 * @param pushOnFailure push a failed run's changes too, marked as failed
 * @param sandbox its network, extra read-only paths and limits
 * @param actions present for {@code runner: actions}: the agent runs in the repository's workflow on
 *     a GitHub Actions runner, and {@code command} (then empty) is the repository's to choose
 */
public record AgentProfile(
    String name,
    List<String> command,
    List<List<String>> setup,
    Duration timeout,
    Duration setupTimeout,
    Map<String, String> environment,
    boolean pushOnFailure,
    SandboxPolicy sandbox,
    Optional<ActionsRunner> actions) {

  /** A profile that runs its agent as a process on the App's machine. */
  public AgentProfile(String name, List<String> command, List<List<String>> setup, Duration timeout,
      Duration setupTimeout, Map<String, String> environment, boolean pushOnFailure, SandboxPolicy sandbox) {
    this(name, command, setup, timeout, setupTimeout, environment, pushOnFailure, sandbox, Optional.empty());
  }

  /** A profile with the sandbox's defaults: full network, no extra paths, default limits. */
  public AgentProfile(String name, List<String> command, List<List<String>> setup, Duration timeout,
      Duration setupTimeout, Map<String, String> environment, boolean pushOnFailure) {
    this(name, command, setup, timeout, setupTimeout, environment, pushOnFailure, SandboxPolicy.DEFAULT);
  }

  public AgentProfile {
    command = List.copyOf(command);
    setup = setup.stream().map(List::copyOf).toList();
    environment = Map.copyOf(environment);
    if (command.isEmpty() && actions.isEmpty()) {
      throw new IllegalArgumentException("profile " + name + " has no command");
    }
  }

  /** Whether the agent runs on a GitHub Actions runner rather than on this machine. */
  public boolean onActions() {
    return actions.isPresent();
  }

  /** Names the variables but never shows their values: they are API keys. */
  @Override
  public String toString() {
    return "AgentProfile[name=" + name + ", command=" + command + ", setup=" + setup + ", timeout="
        + DurationText.format(timeout) + ", setupTimeout=" + DurationText.format(setupTimeout)
        + ", environment=" + environment.keySet().stream().sorted().toList() + ", pushOnFailure="
        + pushOnFailure + ", sandbox=" + sandbox + actions.map(a -> ", actions=" + a).orElse("") + "]";
  }
}
