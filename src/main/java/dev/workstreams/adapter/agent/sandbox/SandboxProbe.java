package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tries bubblewrap once, with a sandbox of the kind agents get around {@code true}: a binary that is
 * installed but may not create namespaces (a container without the privileges, a kernel without
 * user namespaces) fails here, at start, instead of in every run.
 */
public final class SandboxProbe {

  private SandboxProbe() {}

  /** Empty when {@code bwrap} works; else why it does not, in words for the operator. */
  public static Optional<String> problem(Path bwrap) {
    if (!Files.isExecutable(bwrap)) {
      return Optional.of("bubblewrap is not installed (no executable " + bwrap + "); install the package bubblewrap, "
          + "or set AGENT_SANDBOX=off to run agents unsandboxed");
    }
    Bubblewrap probe = new Bubblewrap(bwrap, HiddenPaths.of(List.of(), List.of()));
    try {
      Process process = new ProcessBuilder(probe.probe()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.of(bwrap + " did not finish a trivial sandbox within 20 seconds");
      }
      String output = new String(process.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0 ? Optional.empty() : Optional.of(bwrap + " cannot create its namespaces here ("
          + (output.isEmpty() ? "exit status " + process.exitValue() : output.lines().findFirst().orElse(""))
          + "); in a container, allow it (see the README, \"Agent sandbox\"), or set AGENT_SANDBOX=off");
    } catch (IOException e) {
      return Optional.of(bwrap + " could not be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while trying " + bwrap);
    }
  }

  /** {@code bwrap} on {@code path}, or where it would be looked for first when it is absent. */
  public static Path locate(String path) {
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bwrap"))) {
        return Path.of(dir, "bwrap");
      }
    }
    return Path.of("/usr/bin/bwrap");
  }
}
