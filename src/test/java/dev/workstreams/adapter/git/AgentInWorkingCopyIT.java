package dev.workstreams.adapter.git;

import static dev.workstreams.adapter.git.WorkingCopiesIT.BOT;
import static dev.workstreams.adapter.git.WorkingCopiesIT.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentRequest;
import dev.workstreams.adapter.agent.AgentRun;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentTask;
import dev.workstreams.adapter.agent.TestAgents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script agents at work in real working copies, the way a workflow will drive both adapters. */
class AgentInWorkingCopyIT {

  @TempDir Path tmp;
  BareRemote remote;
  WorkingCopies copies;
  AgentRunner runner;
  TestAgents agents;

  @BeforeEach
  void setUp() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    copies = new WorkingCopies(tmp.resolve("data"));
    runner = new AgentRunner(tmp.resolve("data"), Clock.systemUTC(), Duration.ofMillis(500));
    agents = new TestAgents(tmp.resolve("agents"));
  }

  PrepareResult.Ready prepare(TaskKey task) throws Exception {
    remote.commit(task.branch(), Map.of(), "Start workstream " + task.taskId());
    return (PrepareResult.Ready) copies.prepare(REPO, remote.remote(), task, "main", BOT);
  }

  AgentRun run(WorkingCopy copy, String script) {
    TaskKey task = copy.task();
    return runner.run(new AgentRequest(TestAgents.profile(script, Duration.ofSeconds(30)), copy.directory(),
        new AgentTask("acme", "shop", task.issue(), task.taskId()), "do the task", List.of("src/auth/**"), List.of()));
  }

  @Test
  void anAgentsEditsLandOnItsBranchAsTheBotsCommit() throws Exception {
    PrepareResult.Ready ready = prepare(new TaskKey(7, "auth"));
    String agent = agents.script("edit.sh", "echo 'class Login { }' > src/auth/Login.java; echo 'class Otp {}' > src/auth/Otp.java");

    assertTrue(run(ready.copy(), agent).succeeded());
    ready.copy().commitChanges(BOT, "auth: Add OAuth login (task auth of #7)");
    assertInstanceOf(PushOutcome.Pushed.class, ready.copy().push(remote.remote(), BOT));

    RevCommit tip = remote.log("workstreams/7-auth").get(0);
    assertEquals(BOT.name(), tip.getAuthorIdent().getName());
    assertEquals("class Otp {}\n", remote.read("workstreams/7-auth", "src/auth/Otp.java").orElseThrow());
  }

  @Test
  void blockEnforcementLeavesAFileTheAgentDoesNotOwnOutOfThePush() throws Exception {
    PrepareResult.Ready ready = prepare(new TaskKey(7, "auth"));
    String agent = agents.script("trespass.sh", "echo changed > src/auth/Login.java; echo mine-now > src/app/Main.java");

    run(ready.copy(), agent);
    ready.copy().commitChanges(BOT, "auth");
    var dropped = assertInstanceOf(EnforcementResult.Dropped.class,
        ready.copy().dropPathsOutside(ready.startCommit(), path -> path.startsWith("src/auth/"), BOT));
    ready.copy().push(remote.remote(), BOT);

    assertEquals(List.of("src/app/Main.java"), dropped.paths());
    assertEquals("class Main {}\n", remote.read("workstreams/7-auth", "src/app/Main.java").orElseThrow());
    assertEquals("changed\n", remote.read("workstreams/7-auth", "src/auth/Login.java").orElseThrow());
  }

  @Test
  void anAgentThatCommitsOnItsOwnKeepsItsCommit() throws Exception {
    PrepareResult.Ready ready = prepare(new TaskKey(7, "auth"));
    String agent = agents.script("commit.sh", """
        set -e
        echo one > src/auth/One.java
        git add -A && git commit -q -m 'agent: one'
        echo two > src/auth/Two.java""");

    assertTrue(run(ready.copy(), agent).succeeded());
    ready.copy().commitChanges(BOT, "auth: the rest");
    ready.copy().push(remote.remote(), BOT);

    List<RevCommit> log = remote.log("workstreams/7-auth");
    assertEquals("auth: the rest", log.get(0).getShortMessage());
    assertEquals("agent: one", log.get(1).getShortMessage());
    assertEquals(ready.startCommit(), log.get(2).name());
  }

  @Test
  void anAgentThatSwitchesBranchesIsReportedAndOnlyTheTaskBranchIsPushed() throws Exception {
    PrepareResult.Ready ready = prepare(new TaskKey(7, "auth"));
    String agent = agents.script("wander.sh", """
        set -e
        echo task > src/auth/Task.java
        git add -A && git commit -q -m 'on the task branch'
        git checkout -q -b side-quest
        echo side > src/auth/Side.java
        git add -A && git commit -q -m 'on another branch'""");

    assertTrue(run(ready.copy(), agent).succeeded());
    StrayWork stray = ready.copy().strayWork();
    CommitResult commit = ready.copy().commitChanges(BOT, "auth");
    ready.copy().push(remote.remote(), BOT);

    assertEquals(new HeadState.OnOtherBranch("side-quest"), stray.head());
    assertEquals(List.of(new StrayWork.StrayBranch("side-quest", stray.branches().get(0).tip(), 1)), stray.branches());
    assertInstanceOf(CommitResult.NotOnTaskBranch.class, commit);
    assertEquals("on the task branch", remote.log("workstreams/7-auth").get(0).getShortMessage());
    assertTrue(remote.tip("side-quest").isEmpty());
  }

  @Test
  void aDependentTaskSeesItsDependencysFilesOnceTheyAreMerged() throws Exception {
    PrepareResult.Ready model = prepare(new TaskKey(7, "model"));
    run(model.copy(), agents.script("model.sh", "mkdir -p src/model && echo 'class User {}' > src/model/User.java"));
    model.copy().commitChanges(BOT, "model");
    model.copy().push(remote.remote(), BOT);
    remote.merge("workstreams/7-model", "main");

    PrepareResult.Ready auth = prepare(new TaskKey(7, "auth"));
    AgentRun run = run(auth.copy(), agents.script("needs-model.sh", "test -f src/model/User.java || exit 5"));

    assertTrue(run.succeeded(), run.outcome().toString());
  }
}
