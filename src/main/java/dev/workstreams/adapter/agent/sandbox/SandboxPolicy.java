package dev.workstreams.adapter.agent.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What a profile asks of the sandbox: its network, extra read-only paths (toolchains outside the
 * system folders), and its limits.
 */
public record SandboxPolicy(Network network, List<Path> mounts, Limits limits) {

  public static final SandboxPolicy DEFAULT = new SandboxPolicy(Network.FULL, List.of(), Limits.DEFAULT);

  public SandboxPolicy {
    mounts = List.copyOf(mounts);
  }
}
