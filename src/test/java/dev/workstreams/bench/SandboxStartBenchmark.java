package dev.workstreams.bench;

import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.Confinement;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.adapter.agent.sandbox.ResourceControls;
import dev.workstreams.adapter.agent.sandbox.SandboxPolicy;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.adapter.agent.sandbox.SandboxRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the sandbox adds to starting a process: {@code true} started plainly, and through the App's
 * own confinement (a cgroup made and removed per run where the host allows it, prlimit, bubblewrap
 * with the App's flags and binds), interleaved one by one so that both see the same machine.
 * Prints the median milliseconds per start of each and the difference, and, for where the time
 * goes, bubblewrap alone (no cgroup, no rlimit).
 *
 * <p>Arguments: a scratch folder, the starts per kind.
 */
public final class SandboxStartBenchmark {

  public static void main(String[] args) throws Exception {
    Path scratch = Path.of(args[0]);
    int starts = Integer.parseInt(args[1]);
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    Path bwrap = SandboxProbe.locate(path);
    SandboxProbe.problem(bwrap).ifPresent(problem -> {
      throw new IllegalStateException(problem);
    });
    Path data = Files.createDirectories(scratch.resolve("data"));
    Path copy = Files.createDirectories(data.resolve("workspaces/acme/shop/7-auth"));
    Path home = Files.createDirectories(data.resolve("runs/7-auth/home"));
    Path prompt = Files.writeString(data.resolve("runs/7-auth/prompt.md"), "prompt");
    Path objects = Files.createDirectories(data.resolve("repos/acme/shop.git/objects"));
    var resources = ResourceControls.detect(path);
    AgentSandbox sandbox = AgentSandbox.bubblewrap(bwrap, HiddenPaths.ofServer(data, Optional.empty(), Optional.empty()),
        resources);
    AgentSandbox bwrapOnly = AgentSandbox.bubblewrap(bwrap,
        HiddenPaths.ofServer(data, Optional.empty(), Optional.empty()), new ResourceControl.Unlimited());
    SandboxRun run = new SandboxRun(copy, List.of(objects), home, prompt, Path.of("/bin/true"));
    long[] plain = new long[starts];
    long[] sandboxed = new long[starts];
    long[] namespacesOnly = new long[starts];
    for (int i = 0; i < starts; i++) {
      long t0 = System.nanoTime();
      start(List.of("/bin/true"), copy);
      long t1 = System.nanoTime();
      try (Confinement confinement = sandbox.confine("bench", run, SandboxPolicy.DEFAULT)) {
        start(confinement.command(List.of("/bin/true")), copy);
      }
      long t2 = System.nanoTime();
      try (Confinement confinement = bwrapOnly.confine("bench", run, SandboxPolicy.DEFAULT)) {
        start(confinement.command(List.of("/bin/true")), copy);
      }
      long t3 = System.nanoTime();
      plain[i] = t1 - t0;
      sandboxed[i] = t2 - t1;
      namespacesOnly[i] = t3 - t2;
    }
    double p = median(plain);
    double s = median(sandboxed);
    System.out.printf("plain %.2f ms  sandboxed %.2f ms  extra %.2f ms  bwrap-without-limits %.2f ms  (%s)%n",
        p, s, s - p, median(namespacesOnly), resources.describe());
  }

  private static void start(List<String> command, Path dir) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + new String(output));
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
