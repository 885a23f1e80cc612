package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this server runs agents: in bubblewrap ({@code AGENT_SANDBOX=bwrap}), unsandboxed because
 * the operator said so ({@code off}), or nowhere, because bubblewrap was asked for and does not work
 * here. Limits apply in the first two cases.
 */
public final class AgentSandbox {

  private final Optional<Bubblewrap> bubblewrap;
  private final ResourceControl resources;
  private final Optional<String> unavailable;

  private AgentSandbox(Optional<Bubblewrap> bubblewrap, ResourceControl resources, Optional<String> unavailable) {
    this.bubblewrap = bubblewrap;
    this.resources = resources;
    this.unavailable = unavailable;
  }

  /** Agents in bubblewrap at {@code bwrap} (which {@link SandboxProbe} found working), {@code hidden} kept from them. */
  public static AgentSandbox bubblewrap(Path bwrap, HiddenPaths hidden, ResourceControl resources) {
    return new AgentSandbox(Optional.of(new Bubblewrap(bwrap, hidden)), resources, Optional.empty());
  }

  /** {@code AGENT_SANDBOX=off}: agents see what the server's user sees. */
  public static AgentSandbox off(ResourceControl resources) {
    return new AgentSandbox(Optional.empty(), resources, Optional.empty());
  }

  /** No agent may start, for {@code reason}. */
  public static AgentSandbox unavailable(String reason) {
    return new AgentSandbox(Optional.empty(), new ResourceControl.Unlimited(), Optional.of(reason));
  }

  /** Why agents cannot start on this server; empty when they can. */
  public Optional<String> unavailable() {
    return unavailable;
  }

  public boolean sandboxed() {
    return bubblewrap.isPresent();
  }

  /**
   * Sets one run up. {@code name} names its cgroup.
   *
   * @throws IllegalStateException when agents cannot start here
   */
  public Confinement confine(String name, SandboxRun run, SandboxPolicy policy) throws IOException {
    if (unavailable.isPresent()) {
      throw new IllegalStateException("agents cannot start: " + unavailable.get());
    }
    return new Confinement(resources.open(name, policy.limits()), bubblewrap, run, policy);
  }

  @Override
  public String toString() {
    return unavailable.map(r -> "no agents: " + r).orElseGet(() -> (bubblewrap.isPresent()
        ? "agents in bubblewrap (" + bubblewrap.get().executable() + ")" : "agents UNSANDBOXED (AGENT_SANDBOX=off)")
        + "; " + resources.describe());
  }
}
