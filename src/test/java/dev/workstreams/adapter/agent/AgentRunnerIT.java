package dev.workstreams.adapter.agent;

import static dev.workstreams.adapter.agent.TestAgents.alive;
import static dev.workstreams.adapter.agent.TestAgents.pid;
import static dev.workstreams.adapter.agent.TestAgents.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.testing.Eventually;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunnerIT {

  static final AgentTask TASK = new AgentTask("acme", "shop", 7, "auth");
  static final String PROMPT = "# Task auth\nImplement OAuth login.\n";

  @TempDir Path tmp;
  Path workingCopy;
  TestAgents agents;
  AgentRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    workingCopy = Files.createDirectories(tmp.resolve("data/workspaces/acme/shop/7-auth"));
    agents = new TestAgents(tmp.resolve("agents"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);
    runner = new AgentRunner(tmp.resolve("data"), clock, Duration.ofMillis(500));
  }

  AgentRequest request(AgentProfile profile) {
    return new AgentRequest(profile, workingCopy, TASK, PROMPT, List.of("src/auth/**", "test/auth/**"), List.of());
  }

  @Test
  void runsInTheWorkingCopyWithThePromptOnStandardInputAndInAFileOutsideIt() throws Exception {
    String agent = agents.script("edit.sh", """
        cat > stdin.txt
        cp "$WORKSTREAMS_PROMPT_FILE" prompt-file.txt
        echo "$WORKSTREAMS_PROMPT_FILE" > prompt-path.txt
        pwd > pwd.txt
        mkdir -p src/auth && echo 'class Login {}' > src/auth/Login.java
        echo done""");

    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(20))));

    assertTrue(run.succeeded(), run.toString());
    assertEquals(PROMPT, Files.readString(workingCopy.resolve("stdin.txt")));
    assertEquals(PROMPT, Files.readString(workingCopy.resolve("prompt-file.txt")));
    assertEquals(workingCopy.toRealPath().toString(), Files.readString(workingCopy.resolve("pwd.txt")).strip());
    Path promptFile = Path.of(Files.readString(workingCopy.resolve("prompt-path.txt")).strip());
    assertFalse(promptFile.startsWith(workingCopy), "the prompt file is outside the working copy");
    assertFalse(Files.exists(promptFile), "the run folder is gone after the run");
    assertTrue(Files.exists(workingCopy.resolve("src/auth/Login.java")));
    assertEquals(tmp.resolve("data/logs/acme/shop/7-auth/20261124T101530Z.log"), run.log());
    assertTrue(run.tail().contains("done"), run.tail().toString());
  }

  @Test
  void givesTheAgentNothingOfTheServersEnvironmentButWhatTheProfileLists() throws Exception {
    Map<String, String> server = Map.of("ANTHROPIC_API_KEY", "sk-ant-the-agents-key",
        "PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----abc", "WEBHOOK_SECRET", "whsec-123456",
        "DATABASE_URL", "postgres://u:pw@db/ws");
    AgentProfile fromFile = new AgentProfilesReader(server).parse("""
        profiles:
          claude:
            command: [%s]
            env: { ANTHROPIC_API_KEY: "${ANTHROPIC_API_KEY}" }
        """.formatted(agents.script("env.sh", "env > env.txt; env")), "agents.yml").byName("claude").orElseThrow();

    AgentRun run = runner.run(new AgentRequest(fromFile, workingCopy, TASK, PROMPT,
        List.of("src/auth/**", "test/auth/**"), List.of("ghs_installationToken")));

    String env = Files.readString(workingCopy.resolve("env.txt"));
    for (String secret : List.of("-----BEGIN RSA", "whsec-123456", "postgres://", "ghs_installationToken")) {
      assertFalse(env.contains(secret), "leaked: " + secret);
    }
    for (String ownOfTheServer : System.getenv().keySet()) {
      if (!Set.of("PATH", "HOME", "PWD", "SHLVL", "_").contains(ownOfTheServer)) {
        assertFalse(env.contains("\n" + ownOfTheServer + "=") || env.startsWith(ownOfTheServer + "="),
            "inherited " + ownOfTheServer);
      }
    }
    Set<String> names = Arrays.stream(env.split("\n")).filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
        .map(l -> l.substring(0, l.indexOf('=')))
        .collect(Collectors.toCollection(TreeSet::new));
    names.removeAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
    assertEquals(new TreeSet<>(Set.of("ANTHROPIC_API_KEY", "HOME", "PATH", "WORKSTREAMS_ISSUE", "WORKSTREAMS_OWNS",
        "WORKSTREAMS_PROMPT_FILE", "WORKSTREAMS_TASK_ID")), names);
    assertTrue(env.contains("WORKSTREAMS_TASK_ID=auth\n"));
    assertTrue(env.contains("WORKSTREAMS_ISSUE=7\n"));
    assertTrue(env.contains("WORKSTREAMS_OWNS=src/auth/**\ntest/auth/**\n"));
    assertTrue(env.contains("PATH=/usr/local/bin:/usr/bin:/bin\n"));
    assertTrue(env.contains("ANTHROPIC_API_KEY=sk-ant-the-agents-key\n"), "the listed variable passes");
    String log = Files.readString(run.log());
    assertFalse(log.contains("sk-ant-the-agents-key"), "the log is redacted");
    assertTrue(run.tail().contains("ANTHROPIC_API_KEY=***"), run.tail().toString());
  }

  @Test
  void reportsTheExitStatusAndTheEndOfTheLog() throws Exception {
    String agent = agents.script("fail.sh", "for i in $(seq 1 80); do echo \"line $i\"; done; echo oops >&2; exit 3");

    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(20))));

    assertEquals(new AgentOutcome.Exited(3), run.outcome());
    assertFalse(run.succeeded());
    assertEquals(AgentRunner.TAIL_LINES, run.tail().size());
    assertEquals("oops", run.tail().get(run.tail().size() - 2), "standard error is in the log too");
    assertTrue(run.tail().get(run.tail().size() - 1).startsWith("== workstreams: exited with status 3 after"));
    assertFalse(run.tail().contains("line 20"));
  }

  @Test
  void killsAHangingAgentAndEveryProcessItStartedAtTheTimeout() throws Exception {
    String agent = agents.script("hang.sh", """
        echo $$ > self.pid
        sleep 1000 &
        echo $! > child.pid
        sh -c 'sleep 1000 & echo $! > orphan.pid'
        sleep 1000""");

    long started = System.nanoTime();
    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(2))));

    var timedOut = assertInstanceOf(AgentOutcome.TimedOut.class, run.outcome());
    assertEquals(Duration.ofSeconds(2), timedOut.limit());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
    for (String pidFile : List.of("self.pid", "child.pid", "orphan.pid")) {
      long pid = pid(workingCopy.resolve(pidFile));
      assertFalse(alive(pid), pidFile + " " + pid + " survived");
    }
    assertEquals(0, ProcessHandle.current().descendants().filter(p -> alive(p.pid())).count());
  }

  @Test
  void killsWhatAnAgentLeftRunningWhenItExits() throws Exception {
    String agent = agents.script("leave.sh", "sleep 1000 & echo $! > child.pid; exit 0");

    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(20))));

    assertTrue(run.succeeded());
    assertFalse(alive(pid(workingCopy.resolve("child.pid"))));
  }

  @Test
  void cancelsFromAnotherThreadAndKillsTheTree() throws Exception {
    String agent = agents.script("hang.sh", "sleep 1000 & echo $! > child.pid; sleep 1000");
    CancelHandle cancel = new CancelHandle();
    Path childPid = workingCopy.resolve("child.pid");
    // The agent writes child.pid once its child runs: a cancel then has a whole tree to kill.
    Thread canceller = new Thread(() -> {
      try {
        Eventually.await("the agent started its child", Duration.ofSeconds(30), () -> Files.exists(childPid));
      } finally {
        cancel.cancel();
      }
    });
    canceller.start();

    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(60))), cancel);

    assertEquals(new AgentOutcome.Cancelled(), run.outcome());
    assertTrue(run.duration().toSeconds() < 10);
    assertFalse(alive(pid(childPid)));
  }

  @Test
  void doesNotStartWhenCancelledBefore() throws Exception {
    CancelHandle cancel = new CancelHandle();
    cancel.cancel();
    String agent = agents.script("mark.sh", "touch ran");

    assertEquals(new AgentOutcome.Cancelled(), runner.run(request(profile(agent, Duration.ofSeconds(5))), cancel).outcome());
    assertFalse(Files.exists(workingCopy.resolve("ran")));
  }

  @Test
  void runsSetupCommandsFirstAndStopsAtAFailingOne() throws Exception {
    List<String> ok = List.of(agents.script("setup-ok.sh", "echo installed > installed.txt"));
    List<String> failing = List.of(agents.script("setup-fail.sh", "exit 4"));
    String agent = agents.script("mark.sh", "touch ran");
    AgentProfile profile = new AgentProfile("test", List.of(agent), List.of(ok, failing),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Map.of(), false);

    AgentRun run = runner.run(request(profile));

    assertEquals(new AgentOutcome.SetupFailed(failing, 4), run.outcome());
    assertTrue(Files.exists(workingCopy.resolve("installed.txt")));
    assertFalse(Files.exists(workingCopy.resolve("ran")));
  }

  @Test
  void givesEachSetupCommandItsOwnTimeout() throws Exception {
    List<String> slow = List.of(agents.script("setup-slow.sh", "sleep 1000"));
    AgentProfile profile = new AgentProfile("test", List.of(agents.script("a.sh", "true")), List.of(slow),
        Duration.ofSeconds(30), Duration.ofSeconds(1), Map.of(), false);

    assertEquals(new AgentOutcome.TimedOut(slow, Duration.ofSeconds(1)), runner.run(request(profile)).outcome());
  }

  @Test
  void reportsAProgramThatIsNotOnThePath() throws Exception {
    AgentRun run = runner.run(request(profile("no-such-agent", Duration.ofSeconds(5))));

    var failed = assertInstanceOf(AgentOutcome.FailedToStart.class, run.outcome());
    assertEquals("no-such-agent is not an executable on PATH /usr/local/bin:/usr/bin:/bin", failed.reason());
    assertTrue(Files.exists(run.log()));
  }

  @Test
  void blanksTheCallersSecretsOutOfTheLogAndItsEnd() throws Exception {
    String agent = agents.script("leak.sh", "echo \"token is ghs_installationToken in this line\"");

    AgentRun run = runner.run(new AgentRequest(profile(agent, Duration.ofSeconds(5)), workingCopy, TASK, PROMPT,
        List.of("src/auth/**"), List.of("ghs_installationToken")));

    assertTrue(run.tail().contains("token is *** in this line"), run.tail().toString());
    assertFalse(Files.readString(run.log()).contains("ghs_installationToken"));
  }

  @Test
  void cleansUpTheRunFolderEvenWhenTheAgentLeftReadOnlyFoldersInHome() throws Exception {
    String agent = agents.script("cache.sh", """
        mkdir -p "$HOME/go/pkg/mod/x" && touch "$HOME/go/pkg/mod/x/f" && chmod -R a-w "$HOME/go"
        echo "$HOME" > home.txt""");

    AgentRun run = runner.run(request(profile(agent, Duration.ofSeconds(10))));

    assertTrue(run.succeeded());
    assertFalse(Files.exists(Path.of(Files.readString(workingCopy.resolve("home.txt")).strip())));
  }

  @Test
  void leavesAProfilesPathReadableInTheLog() throws Exception {
    String path = "/usr/local/bin:/usr/bin:/bin:/opt/agents/bin";
    AgentProfile profile = new AgentProfile("test", List.of(agents.script("path.sh", "echo \"PATH=$PATH\"")), List.of(),
        Duration.ofSeconds(10), Duration.ofSeconds(10), Map.of("PATH", path, "API_KEY", "key-123456"), false);

    AgentRun run = runner.run(request(profile));

    assertTrue(run.tail().contains("PATH=" + path), run.tail().toString());
  }
}
