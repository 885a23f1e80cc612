package dev.workstreams.adapter.agent;

import static dev.workstreams.adapter.agent.TestAgents.alive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.Limits;
import dev.workstreams.adapter.agent.sandbox.Network;
import dev.workstreams.adapter.agent.sandbox.RequiresBubblewrap;
import dev.workstreams.adapter.agent.sandbox.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with the sandbox the server builds: what the agent sees, and that timeouts still kill everything. */
class SandboxedRunnerIT {

  @TempDir Path tmp;
  Path data;
  Path workingCopy;
  TestAgents agents;
  AgentRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    Path bwrap = RequiresBubblewrap.bwrap();
    data = tmp.resolve("data");
    workingCopy = Files.createDirectories(data.resolve("workspaces/acme/shop/7-auth"));
    agents = new TestAgents(tmp.resolve("agents"));
    runner = new AgentRunner(data, Clock.systemUTC(), Duration.ofMillis(500), AgentSandbox.bubblewrap(bwrap,
        HiddenPaths.ofServer(data, Optional.empty(), Optional.empty()), RequiresBubblewrap.resources()));
  }

  AgentRun run(String script, Duration timeout) throws Exception {
    AgentProfile profile = new AgentProfile("test", List.of(agents.script("agent-" + System.nanoTime() + ".sh", script)),
        List.of(), timeout, Duration.ofSeconds(10), Map.of(), false,
        new SandboxPolicy(Network.FULL, List.of(tmp.resolve("agents")), Limits.DEFAULT));
    return runner.run(new AgentRequest(profile, workingCopy, AgentRunnerIT.TASK, AgentRunnerIT.PROMPT, List.of("src/**"),
        List.of()));
  }

  @Test
  void seesItsPromptWritesItsCopyAndHomeAndNothingOfDataDirElse() throws Exception {
    Files.writeString(data.resolve("elsewhere.txt"), "not for agents");

    AgentRun run = run("""
        cp "$WORKSTREAMS_PROMPT_FILE" prompt.txt
        touch "$HOME/cache" && echo home-ok
        ls "$(dirname "$PWD")" > siblings.txt
        cat ../../../../elsewhere.txt || echo hidden
        echo "pid $$"
        """, Duration.ofSeconds(20));

    assertTrue(run.succeeded(), run.tail().toString());
    assertEquals(AgentRunnerIT.PROMPT, Files.readString(workingCopy.resolve("prompt.txt")));
    assertTrue(run.tail().containsAll(List.of("home-ok", "hidden")), run.tail().toString());
    assertEquals("7-auth\n", Files.readString(workingCopy.resolve("siblings.txt")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.log())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("runs"))));
  }

  @Test
  void killsEveryProcessOfTheSandboxAtTheTimeout() throws Exception {
    String marker = "sandboxed-sleeper-" + System.nanoTime();
    AgentRun run = run("""
        cp /bin/sleep "$HOME/MARKER"
        "$HOME/MARKER" 1000 &
        sh -c '"$HOME/MARKER" 1000 &'
        exec "$HOME/MARKER" 1000""".replace("MARKER", marker), Duration.ofSeconds(2));

    assertInstanceOf(AgentOutcome.TimedOut.class, run.outcome());
    assertEquals(0, ProcessHandle.current().descendants().filter(p -> alive(p.pid())).count());
    assertFalse(processesNamed(marker), "the agent outlived its sandbox");
  }

  private static boolean processesNamed(String marker) throws Exception {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).anyMatch(p -> {
        try {
          return new String(Files.readAllBytes(p.resolve("cmdline"))).contains(marker);
        } catch (Exception e) {
          return false;
        }
      });
    }
  }
}
